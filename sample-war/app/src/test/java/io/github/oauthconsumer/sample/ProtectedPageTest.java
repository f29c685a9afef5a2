package io.github.oauthconsumer.sample;

import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.api.SignedClient;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The protected page when the provider cannot be reached: a 502 or 504 page, never an error report. */
class ProtectedPageTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aProviderThatCannotBeReachedGetsAPageNotAnError(boolean timedOut) {
        ProtectedPage page = new ProtectedPage();
        page.demo = (SignedClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SignedClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("send")) {
                        throw new OAuthProviderException("OAuth provider 'demo' did not answer (protected resource)", 0,
                                timedOut, null);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        page.resourceUrl = "http://127.0.0.1:9/demo-provider/api/me";
        page.userAgent = "test";

        Response response = page.show();

        assertEquals(timedOut ? 504 : 502, response.getStatus());
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        String html = (String) response.getEntity();
        assertTrue(html.contains("The provider could not be reached") && html.contains("id=\"retry\""), html);
    }
}
