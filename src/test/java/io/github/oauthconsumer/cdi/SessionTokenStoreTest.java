package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.api.SignedRequest;
import io.github.oauthconsumer.config.ConfigKeys;
import io.github.oauthconsumer.spi.AccessTokenStore;
import io.github.oauthconsumer.testprovider.EchoResponse;
import io.github.oauthconsumer.testprovider.IssuedToken;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.Response;
import org.jboss.weld.junit.MockBean;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The default token store keeps tokens in the HTTP session of the current request. Here the
 * request is a stand-in {@link HttpServletRequest} bean in the request scope, which weld-junit5
 * activates on the test thread only, as a container does for the thread serving a request.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionTokenStoreTest {

    private static final String KEY = "session-consumer";
    private static final String SECRET = "session-secret";

    private final JerseyOAuthProvider provider = JerseyOAuthProvider.start().registerConsumer(KEY, SECRET);
    private final Map<String, Object> sessionAttributes = new ConcurrentHashMap<>();

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(OAuthWeld.weld(new ConfigProperties().hmac("session", KEY, SECRET)
                    .set("session", ConfigKeys.ACCESS_TOKEN_URL, provider.accessTokenUri().toString()),
                    SessionClient.class, RenewalRecorder.class))
            .activate(RequestScoped.class)
            .addBeans(MockBean.builder().types(HttpServletRequest.class).scope(RequestScoped.class)
                    .create(context -> request(sessionAttributes)).build())
            .build();

    @Inject
    SessionClient bean;
    @Inject
    AccessTokenStore store;
    @Inject
    RenewalRecorder renewals;

    @BeforeEach
    void reset() {
        sessionAttributes.clear();
        renewals.clear();
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    @Test
    void tokensLiveInTheSessionOfTheCurrentRequest() {
        AccessToken token = issue();

        store.store("session", token);

        assertEquals(Optional.of(token), store.find("session"));
        assertEquals(Optional.of(token), bean.client.currentAccessToken());
        assertEquals(List.of(token), List.copyOf(sessionAttributes.values()));
        store.remove("session");
        assertEquals(Optional.empty(), bean.client.currentAccessToken());
    }

    @Test
    void renewalDuringTheRequestReplacesTheSessionToken() {
        AccessToken token = issue();
        store.store("session", token);
        provider.expire(token.token());

        EchoResponse echo = accepted(bean.client.send(SignedRequest.get(provider.echoUri().toString()).currentUser().build()));

        AccessToken stored = store.find("session").orElseThrow();
        assertNotEquals(token, stored);
        assertEquals(stored.token(), echo.token());
    }

    @Test
    void renewalOnAnotherThreadStillAnswersAndAnnouncesTheNewToken() throws Exception {
        AccessToken token = issue();
        store.store("session", token);
        provider.expire(token.token());

        Response response = bean.client.sendAsync(SignedRequest.get(provider.echoUri().toString()).currentUser().build())
                .toCompletableFuture().get(30, TimeUnit.SECONDS);

        EchoResponse echo = accepted(response);
        assertEquals(1, renewals.events().size());
        assertEquals(renewals.events().get(0).renewed().token(), echo.token());
    }

    private AccessToken issue() {
        IssuedToken issued = provider.issueAccessToken(KEY);
        return new AccessToken(issued.token(), issued.secret(), issued.sessionHandle(), null, null, Map.of());
    }

    private static EchoResponse accepted(Response response) {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return EchoResponse.parse(body);
        }
    }

    /** A request whose only ability is to have one session, whose only ability is attributes. */
    private static HttpServletRequest request(Map<String, Object> attributes) {
        HttpSession session = (HttpSession) Proxy.newProxyInstance(SessionTokenStoreTest.class.getClassLoader(),
                new Class<?>[] {HttpSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (HttpServletRequest) Proxy.newProxyInstance(SessionTokenStoreTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getSession")) {
                        return session;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Dependent
    static class SessionClient {
        @Inject
        @OAuthConsumer("session")
        SignedClient client;
    }
}
