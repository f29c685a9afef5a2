package io.github.oauthconsumer.it.flow;

import io.github.oauthconsumer.it.ItSupport;
import io.github.oauthconsumer.it.flow.store.StoreResource;
import io.github.oauthconsumer.it.flow.store.UserTokenStore;
import io.github.oauthconsumer.testprovider.EchoResponse;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application that replaces the access-token store with an {@code @Alternative} (tokens per
 * user, as a database would keep them) and moves the flow to another base path with
 * {@code oauth1.flow.base-path}: the flow stores into the replacement, and the token then follows
 * the user into a new session.
 */
@ExtendWith(ArquillianExtension.class)
class AlternativeTokenStoreIT {

    private static final String CONSUMER_KEY = "store-it-consumer";
    private static final String CONSUMER_SECRET = "store it secret";

    private static JerseyOAuthProvider provider;

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        provider = JerseyOAuthProvider.start().registerConsumer(CONSUMER_KEY, CONSUMER_SECRET);
        List<String> config = new ArrayList<>(provider.flowConsumerConfig("provider", CONSUMER_KEY, CONSUMER_SECRET, "carol"));
        config.addAll(List.of("oauth1.flow.base-path=/connect", "provider.base-url=" + provider.baseUri(),
                "oauth1.provider.read-timeout=20s"));
        return ItSupport.war("alternative.war", config,
                FlowApplication.class, ProtectedResource.class, UserTokenStore.class, StoreResource.class);
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void theFlowStoresIntoTheReplacementStoreUnderTheConfiguredBasePath() throws Exception {
        Browser carol = new Browser(Map.of(UserTokenStore.USER_HEADER, "carol"));

        URI start = Browser.seeOther(carol.get(app("api/protected")));
        assertEquals(app("connect/provider/authorize?next=%2Fapi%2Fprotected"), start);
        URI authorization = Browser.seeOther(carol.get(start));
        URI callback = Browser.seeOther(carol.get(authorization));
        assertTrue(callback.toString().startsWith(app("connect/provider/callback?").toString()), callback.toString());
        assertEquals(app("api/protected"), Browser.seeOther(carol.get(callback)));
        HttpResponse<String> protectedPage = carol.get(app("api/protected"));

        assertEquals(200, protectedPage.statusCode(), protectedPage::body);
        EchoResponse echo = EchoResponse.parse(protectedPage.body());
        assertEquals("carol", echo.user());
        assertEquals("carol provider=" + echo.token(), carol.get(app("api/store"), "text/plain").body());
        assertEquals("0", carol.get(app("api/store/session-tokens"), "text/plain").body());

        Browser carolElsewhere = new Browser(Map.of(UserTokenStore.USER_HEADER, "carol"));
        HttpResponse<String> newSession = carolElsewhere.get(app("api/protected"));
        assertEquals(200, newSession.statusCode(), newSession::body);
        assertEquals(echo.token(), EchoResponse.parse(newSession.body()).token());

        Browser dave = new Browser(Map.of(UserTokenStore.USER_HEADER, "dave"));
        assertEquals(app("connect/provider/authorize?next=%2Fapi%2Fprotected"),
                Browser.seeOther(dave.get(app("api/protected"))));
    }

    @Test
    void theDefaultBasePathIsNotMapped() throws Exception {
        HttpResponse<String> response = new Browser(Map.of(UserTokenStore.USER_HEADER, "erin"))
                .get(app("oauth1/provider/authorize"));

        assertEquals(404, response.statusCode());
    }

    private URI app(String path) {
        return ItSupport.loopback(deploymentUrl).resolve(path);
    }
}
