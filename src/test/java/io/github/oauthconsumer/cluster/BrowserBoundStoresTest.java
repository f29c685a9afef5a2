package io.github.oauthconsumer.cluster;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.RequestToken;
import io.github.oauthconsumer.config.ConsumerDefinitions;
import io.github.oauthconsumer.config.StoreConfig;
import io.github.oauthconsumer.spi.PendingAuthorization;
import io.github.oauthconsumer.store.BrowserIds;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared pending-authorization and access-token stores on a real JCache provider: what binds a
 * flow to the browser that started it (the cookie the flow's servlet sets), what a principal's
 * tokens are keyed by, and what the cache holds.
 */
class BrowserBoundStoresTest {

    private static final String PROVIDER = "org.ehcache.jsr107.EhcacheCachingProvider";
    private static final PendingAuthorization PENDING = new PendingAuthorization("jira",
            new RequestToken("request-token", "request-token-secret", true, Map.of()), "/after", Instant.parse("2026-12-02T10:00:00Z"));

    private final HttpServletRequest[] current = new HttpServletRequest[1];
    private CacheManager manager;
    private SharedCaches caches;
    private SharedPendingAuthorizationStore pending;
    private SharedAccessTokenStore tokens;

    @BeforeEach
    void createStores() {
        CachingProvider provider = Caching.getCachingProvider(PROVIDER);
        manager = provider.getCacheManager(provider.getDefaultURI(), getClass().getClassLoader());
        caches = new SharedCaches(new StoreConfig(true, Optional.of(PROVIDER), Optional.empty(), "test-", Duration.ofHours(1)),
                new ConsumerDefinitions(), getClass().getClassLoader());
        pending = new SharedPendingAuthorizationStore();
        pending.caches = caches;
        pending.request = FakeServletRequests.instance(current);
        tokens = new SharedAccessTokenStore();
        tokens.caches = caches;
        tokens.request = FakeServletRequests.instance(current);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void theFlowsServletSetsTheBrowserCookieOnce() {
        List<Cookie> added = FakeServletRequests.cookies();
        current[0] = FakeServletRequests.request(null);
        BrowserIds.creatableDuring(FakeServletRequests.response(added), () -> {
            pending.store(PENDING);
            pending.store(PENDING);
            return null;
        });
        assertEquals(1, added.size(), "one cookie, reused within the request");
        Cookie cookie = added.get(0);
        assertEquals(BrowserIds.COOKIE, cookie.getName());
        assertTrue(cookie.isHttpOnly());
        assertEquals("Lax", cookie.getAttribute("SameSite"));
        assertEquals("/app", cookie.getPath());
        assertEquals(-1, cookie.getMaxAge(), "gone when the browser closes");
        assertTrue(cookie.getValue().matches("[A-Za-z0-9_-]{43}"), "256 random bits");
    }

    @Test
    void withoutTheFlowsServletNoCookieCanBeSetSoNothingIsStored() {
        current[0] = FakeServletRequests.request(null);
        assertThrows(ContextNotActiveException.class, () -> pending.store(PENDING));
    }

    @Test
    void aPendingAuthorizationIsFoundOnlyFromTheBrowserThatStartedItAndRemovedOnce() {
        Cookie browser = startIn(FakeServletRequests.request(null));

        current[0] = FakeServletRequests.request(null, new Cookie(BrowserIds.COOKIE, browser.getValue()));
        assertEquals(Optional.of(PENDING), pending.find("jira"));
        assertEquals(Optional.empty(), pending.find("other consumer"));

        current[0] = FakeServletRequests.request(null, new Cookie(BrowserIds.COOKIE, "A".repeat(43)));
        assertEquals(Optional.empty(), pending.find("jira"), "another browser");
        assertFalse(pending.remove(PENDING));
        current[0] = FakeServletRequests.request(null);
        assertEquals(Optional.empty(), pending.find("jira"), "no cookie");
        current[0] = FakeServletRequests.request(null, new Cookie(BrowserIds.COOKIE, browser.getValue() + "x"));
        assertEquals(Optional.empty(), pending.find("jira"), "a malformed cookie is ignored");

        current[0] = FakeServletRequests.request(null, new Cookie(BrowserIds.COOKIE, browser.getValue()));
        assertTrue(pending.remove(PENDING));
        assertFalse(pending.remove(PENDING), "a callback works once");
        assertEquals(Optional.empty(), pending.find("jira"));
    }

    @Test
    void theCacheHoldsNeitherTheBrowserIdNorTheRequestTokenSecret() {
        Cookie browser = startIn(FakeServletRequests.request(null));
        StringBuilder everything = new StringBuilder();
        caches.pending().forEach(entry -> everything.append(entry.getKey()).append('=').append(entry.getValue()));
        assertFalse(everything.toString().contains(browser.getValue()));
        assertFalse(everything.toString().contains("request-token"), everything.toString());
    }

    @Test
    void aPrincipalsTokenFollowsThePrincipalToAnyBrowser() {
        AccessToken token = AccessToken.of("access", "access-secret");
        current[0] = FakeServletRequests.request(() -> "alice");
        tokens.store("jira", token);
        current[0] = FakeServletRequests.request(() -> "alice", new Cookie(BrowserIds.COOKIE, "B".repeat(43)));
        assertEquals(Optional.of(token), tokens.find("jira"));
        current[0] = FakeServletRequests.request(() -> "bob");
        assertEquals(Optional.empty(), tokens.find("jira"));
        current[0] = FakeServletRequests.request(() -> "alice");
        tokens.remove("jira");
        assertEquals(Optional.empty(), tokens.find("jira"));
    }

    @Test
    void anAnonymousUsersTokenIsBoundToTheBrowserAndSealed() {
        Cookie browser = startIn(FakeServletRequests.request(null));
        AccessToken token = AccessToken.of("access", "access-secret");
        current[0] = FakeServletRequests.request(null, new Cookie(BrowserIds.COOKIE, browser.getValue()));
        tokens.store("jira", token);
        assertEquals(Optional.of(token), tokens.find("jira"));
        caches.tokens().forEach(entry -> assertFalse(entry.getValue().contains("access-secret")));
        current[0] = FakeServletRequests.request(null, new Cookie(BrowserIds.COOKIE, "C".repeat(43)));
        assertEquals(Optional.empty(), tokens.find("jira"));
        current[0] = FakeServletRequests.request(() -> "alice", new Cookie(BrowserIds.COOKIE, browser.getValue()));
        assertEquals(Optional.empty(), tokens.find("jira"), "a principal's tokens are the principal's, not the browser's");
    }

    /** Starts a flow in this request (the flow's servlet sets the cookie) and returns the cookie. */
    private Cookie startIn(HttpServletRequest request) {
        List<Cookie> added = FakeServletRequests.cookies();
        current[0] = request;
        BrowserIds.creatableDuring(FakeServletRequests.response(added), () -> {
            pending.store(PENDING);
            return null;
        });
        return added.get(0);
    }
}
