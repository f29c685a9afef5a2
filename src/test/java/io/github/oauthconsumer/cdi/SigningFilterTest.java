package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.client.OAuthSigningFilter;
import io.github.oauthconsumer.testprovider.EchoResponse;
import io.github.oauthconsumer.testprovider.IssuedToken;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import io.github.oauthconsumer.testprovider.RecordedExchange;
import jakarta.enterprise.context.Dependent;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OAuthSigningFilter} on a JAX-RS client the application builds itself: the filter finds
 * its consumer through CDI, signs 2- or 3-legged, and leaves requests that already carry an
 * {@code Authorization} header alone.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigningFilterTest {

    private static final String KEY = "filter-consumer";
    private static final String SECRET = "filter-secret";

    private final JerseyOAuthProvider provider = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET);
    private final List<Client> clients = new ArrayList<>();

    @WeldSetup
    WeldInitiator weld = OAuthWeld.initiator(new ConfigProperties().hmac("filtered", KEY, SECRET), Application.class);

    @BeforeEach
    void forgetEarlierRequests() {
        provider.resetRecords();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Client::close);
        clients.clear();
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    @Test
    void namedFilterSignsTwoLegged() {
        Client client = client().register(new OAuthSigningFilter("filtered"));

        EchoResponse echo = accepted(client.target(provider.twoLeggedUri()).queryParam("q", "a b").request().get());

        assertEquals(KEY, echo.consumerKey());
        assertNull(echo.token());
        assertEquals("a b", echo.queryParam("q"));
    }

    @Test
    void tokenPropertyOfTheRequestMakesItThreeLegged() {
        AccessToken token = accessToken();
        Client client = client().register(new OAuthSigningFilter("filtered"));

        EchoResponse echo = accepted(client.target(provider.echoUri()).request()
                .property(OAuthSigningFilter.TOKEN_PROPERTY, token)
                .post(Entity.form(new Form("status", "signed form"))));

        assertEquals(token.token(), echo.token());
        assertEquals("signed form", echo.formParam("status"));
    }

    @Test
    void formBodyGivenAsTextHasItsParametersSigned() {
        Client client = client().register(new OAuthSigningFilter("filtered"));

        EchoResponse echo = accepted(client.target(provider.twoLeggedUri()).request()
                .post(Entity.entity("a=1+2&b=%26", MediaType.APPLICATION_FORM_URLENCODED_TYPE)));

        assertEquals("1 2", echo.formParam("a"));
        assertEquals("&", echo.formParam("b"));
    }

    @Test
    void tokenPropertyOfTheClientMakesEveryRequestThreeLegged() {
        AccessToken token = accessToken();
        Client client = client().register(new OAuthSigningFilter("filtered"))
                .property(OAuthSigningFilter.TOKEN_PROPERTY, token);

        assertEquals(token.token(), accepted(client.target(provider.echoUri()).request().get()).token());
    }

    @Test
    void consumerPropertyNamesTheConsumerOfAnUnnamedFilter() {
        Client client = client().register(OAuthSigningFilter.class);

        EchoResponse echo = accepted(client.target(provider.twoLeggedUri()).request()
                .property(OAuthSigningFilter.CONSUMER_PROPERTY, "filtered").get());

        assertEquals(KEY, echo.consumerKey());
    }

    @Test
    void unnamedFilterWithoutConsumerPropertySaysWhatIsMissing() {
        Client client = client().register(new OAuthSigningFilter());

        ProcessingException failure = assertThrows(ProcessingException.class,
                () -> client.target(provider.twoLeggedUri()).request().get());

        assertTrue(String.valueOf(failure.getCause()).contains(OAuthSigningFilter.CONSUMER_PROPERTY), failure.toString());
        assertEquals(0, provider.requestCount(JerseyOAuthProvider.TWO_LEGGED_PATH));
    }

    @Test
    void requestWithAnAuthorizationHeaderIsLeftAlone() {
        Client client = client().register(new OAuthSigningFilter("filtered"));

        try (Response response = client.target(provider.twoLeggedUri()).request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-oauth").get()) {
            assertEquals(401, response.getStatus());
        }

        RecordedExchange exchange = provider.exchanges().get(provider.exchanges().size() - 1);
        assertEquals("Bearer not-oauth", exchange.authorization());
    }

    @Test
    void protocolParametersPropertyObtainsARequestToken() {
        Client client = client().register(new OAuthSigningFilter("filtered"));

        try (Response response = client.target(provider.requestTokenUri()).request()
                .property(OAuthSigningFilter.PROTOCOL_PARAMETERS_PROPERTY, Map.of("oauth_callback", "oob"))
                .post(Entity.form(new Form()))) {
            assertEquals(200, response.getStatus());
            MultivaluedMap<String, String> fields = response.readEntity(Form.class).asMap();
            assertNotNull(fields.getFirst("oauth_token"));
            assertEquals("true", fields.getFirst("oauth_callback_confirmed"));
        }
    }

    private Client client() {
        Client client = ClientBuilder.newClient();
        clients.add(client);
        return client;
    }

    private AccessToken accessToken() {
        IssuedToken issued = provider.issueAccessToken(KEY);
        return AccessToken.of(issued.token(), issued.secret());
    }

    private EchoResponse accepted(Response response) {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return EchoResponse.parse(body);
        }
    }

    /**
     * Weld SE wants at least one bean class of the application; the filter itself needs none, the
     * library's beans come from its extension.
     */
    @Dependent
    static class Application {
    }
}
