package io.github.oauthconsumer.config;

import io.github.oauthconsumer.api.OAuthConsumerConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings for providers that depart from RFC 5849 (E*TRADE, Trello, Flickr and the like): read
 * from MicroProfile Config, defaulting to what the RFC says, and refused at deployment with the key
 * named when they cannot work.
 */
class ProviderVariantSettingsTest {

    @Test
    void tokenRequestsArePostsUnlessConfiguredOtherwiseInAnyCase() {
        assertEquals("POST", resolve(Map.of()).tokenRequestMethod());
        assertEquals("GET", resolve(Map.of("oauth1.demo.token-request-method", " get ")).tokenRequestMethod());
    }

    @Test
    void aTokenRequestMethodOtherThanPostOrGetIsRefusedNamingTheKey() {
        assertEquals(List.of("oauth1.demo.token-request-method must be POST or GET, not 'PUT'"),
                problems(Map.of("oauth1.demo.token-request-method", "put")));
    }

    @Test
    void anAuthorizationUrlWithPlaceholdersIsAccepted() {
        String etrade = "https://us.etrade.com/e/t/etws/authorize?key={consumer_key}&token={oauth_token}";
        assertEquals(etrade, resolve(Map.of("oauth1.demo.authorization-url", etrade)).authorizationUrl());
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingTheKeyAndThePlaceholder() {
        assertEquals(List.of("oauth1.demo.authorization-url has an unknown placeholder {request_token}; known:"
                        + " {oauth_token}, {consumer_key}: 'https://p.example/authorize?token={request_token}'"),
                problems(Map.of("oauth1.demo.authorization-url", "https://p.example/authorize?token={request_token}")));
    }

    @Test
    void anAuthorizationUrlThatIsNoUrlOnceFilledInIsRefusedQuotingItAsConfigured() {
        assertEquals(List.of("oauth1.demo.authorization-url must be an absolute http or https URL, not"
                        + " '/authorize?token={oauth_token}'"),
                problems(Map.of("oauth1.demo.authorization-url", "/authorize?token={oauth_token}")));
    }

    @Test
    void requestTokenParametersAreFormEncodedAndNoneSwitchesThemOff() {
        assertEquals("scope=read%20write&lang=en", resolve(Map.of("oauth1.demo.request-token-parameters",
                "scope=read%20write&lang=en")).requestTokenParameters());
        assertNull(resolve(Map.of()).requestTokenParameters());
        assertNull(resolve(Map.of("oauth1.demo.request-token-parameters", "none")).requestTokenParameters());
    }

    @Test
    void requestTokenParametersThatAreNoFormOrHoldProtocolParametersAreRefused() {
        assertEquals(List.of("oauth1.demo.request-token-parameters must not hold oauth_* parameters: the library"
                        + " sends those itself"),
                problems(Map.of("oauth1.demo.request-token-parameters", "scope=all&oauth_callback=oob")));
        List<String> malformed = problems(Map.of("oauth1.demo.request-token-parameters", "scope=%zz"));
        assertEquals(1, malformed.size());
        assertTrue(malformed.get(0).startsWith("oauth1.demo.request-token-parameters is not form-encoded"), malformed::toString);
    }

    @Test
    void oobAsTheCallbackUrlMakesTheFlowOutOfBandWithAVerifierPage() {
        OAuthConsumerConfig config = resolve(Map.of("oauth1.demo.callback-url", "oob",
                "oauth1.demo.page.verifier", "/WEB-INF/pages/verifier.jsp"));

        assertTrue(config.isOutOfBand());
        assertEquals("oob", config.callbackUrl());
        assertEquals("/WEB-INF/pages/verifier.jsp", config.verifierPage());
        assertFalse(resolve(Map.of()).isOutOfBand());
        assertFalse(resolve(Map.of("oauth1.demo.callback-url", "https://app.example/cb")).isOutOfBand());
    }

    @Test
    void aVerifierPageOutsideTheApplicationIsRefused() {
        assertEquals(List.of("oauth1.demo.page.verifier must be a path inside the application starting with '/', not"
                        + " 'verifier.jsp'"),
                problems(Map.of("oauth1.demo.callback-url", "oob", "oauth1.demo.page.verifier", "verifier.jsp")));
    }

    @Test
    void reactivationIsOffUntilItsUrlIsSetAndLooksForTokenRejectedByDefault() {
        OAuthConsumerConfig none = resolve(Map.of());
        OAuthConsumerConfig etrade = resolve(Map.of("oauth1.demo.reactivate-url", "https://api.etrade.com/oauth/renew_access_token"));
        OAuthConsumerConfig other = resolve(Map.of("oauth1.demo.reactivate-url", "https://p.example/reactivate",
                "oauth1.demo.reactivate-problem", " token_inactive "));

        assertNull(none.reactivateUrl());
        assertEquals("token_rejected", none.reactivateProblem());
        assertEquals("https://api.etrade.com/oauth/renew_access_token", etrade.reactivateUrl());
        assertEquals("token_inactive", other.reactivateProblem());
    }

    @Test
    void aReactivateUrlThatIsNoUrlIsRefused() {
        assertEquals(List.of("oauth1.demo.reactivate-url must be an absolute http or https URL, not 'renew_access_token'"),
                problems(Map.of("oauth1.demo.reactivate-url", "renew_access_token")));
        assertEquals(List.of("oauth1.demo.reactivate-problem must name the oauth_problem of an idle token, such as"
                + " token_rejected"), problems(Map.of("oauth1.demo.reactivate-problem", "  ")));
    }

    private static OAuthConsumerConfig resolve(Map<String, String> settings) {
        ConsumerConfigResolver.Result result = result(settings);
        assertTrue(result.isValid(), result.problems()::toString);
        return result.definition().config();
    }

    private static List<String> problems(Map<String, String> settings) {
        return result(settings).problems();
    }

    private static ConsumerConfigResolver.Result result(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("oauth1.demo.consumer-key", "key");
        all.put("oauth1.demo.consumer-secret", "secret");
        all.put("oauth1.demo.request-token-url", "https://provider.example/oauth/request_token");
        all.put("oauth1.demo.authorization-url", "https://provider.example/oauth/authorize");
        all.put("oauth1.demo.access-token-url", "https://provider.example/oauth/access_token");
        all.putAll(settings);
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(all, "test", 100))
                .build();
        return new ConsumerConfigResolver(config, ProviderVariantSettingsTest.class.getClassLoader())
                .resolve("demo", null, EnumSet.of(Usage.FLOW));
    }
}
