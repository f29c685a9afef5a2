package io.github.oauthconsumer.demo.provider;

import java.security.Principal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.glassfish.jersey.server.oauth1.DefaultOAuth1Provider;
import org.glassfish.jersey.server.oauth1.OAuth1Consumer;
import org.glassfish.jersey.server.oauth1.OAuth1Provider;
import org.glassfish.jersey.server.oauth1.OAuth1Token;

/**
 * What Jersey's OAuth 1 server asks for consumers and tokens. Consumers, request tokens and
 * verifiers stay with Jersey's {@link DefaultOAuth1Provider}; this adds what it lacks:
 * <ul>
 * <li>a principal for the consumer, without which Jersey refuses every 2-legged request;</li>
 * <li>access tokens that expire and belong to a session (the OAuth Session extension): the
 * access-token response carries {@code oauth_session_handle}, {@code oauth_expires_in} and
 * {@code oauth_authorization_expires_in}, and {@link #renew} swaps a token for a new one of the
 * same session.</li>
 * </ul>
 * Expired tokens are still handed to Jersey, so that it verifies the signature of a request that
 * uses one; the resource then answers {@code token_expired}. With {@code demo.idle-timeout}, a
 * token unused that long (or made idle from the index page) is idle, as E*TRADE's are after two
 * hours: refused until it is {@link #reactivate reactivated}.
 */
final class DemoOAuthProvider implements OAuth1Provider {

    static final String SESSION_HANDLE = "oauth_session_handle";
    static final String EXPIRES_IN = "oauth_expires_in";
    static final String AUTHORIZATION_EXPIRES_IN = "oauth_authorization_expires_in";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DefaultOAuth1Provider jersey = new DefaultOAuth1Provider();
    private final OAuth1Consumer consumer;
    private final Duration tokenLifetime;
    private final Duration authorizationLifetime;
    private final Duration idleTimeout;
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();

    DemoOAuthProvider(DemoSettings settings) {
        String key = settings.consumerKey();
        consumer = new TwoLeggedConsumer(
                jersey.registerConsumer(key, key, settings.consumerSecret(), new MultivaluedHashMap<>()),
                Caller.consumer(key));
        tokenLifetime = settings.tokenLifetime();
        authorizationLifetime = settings.authorizationLifetime();
        idleTimeout = settings.idleTimeout();
    }

    @Override
    public OAuth1Consumer getConsumer(String consumerKey) {
        return consumer.getKey().equals(consumerKey) ? consumer : null;
    }

    @Override
    public OAuth1Token newRequestToken(String consumerKey, String callbackUrl, Map<String, List<String>> attributes) {
        return jersey.newRequestToken(consumerKey, callbackUrl, attributes);
    }

    @Override
    public DefaultOAuth1Provider.Token getRequestToken(String token) {
        return token == null ? null : jersey.getRequestToken(token);
    }

    /** The user approves a request token; returns the verifier that the access-token request must carry. */
    String approve(DefaultOAuth1Provider.Token requestToken, String user) {
        return jersey.authorizeToken(requestToken, new Caller(user, requestToken.getConsumer().getKey(), null), Set.of());
    }

    /**
     * Called by Jersey's access-token endpoint once the signature is good. Jersey checks the
     * verifier (a wrong one uses the request token up); the new token starts a session.
     */
    @Override
    public AccessToken newAccessToken(OAuth1Token requestToken, String verifier) {
        OAuth1Token granted = jersey.newAccessToken(requestToken, verifier);
        if (granted == null) {
            return null;
        }
        String user = granted.getPrincipal().getName();
        // Jersey keeps a copy with no expiry and no session; the tokens that count are ours
        jersey.revokeAccessToken(granted.getToken(), user);
        Instant now = Instant.now();
        Session session = new Session(randomString(), user, now.plus(authorizationLifetime));
        return issue(session, now);
    }

    @Override
    public AccessToken getAccessToken(String token) {
        return token == null ? null : accessTokens.get(token);
    }

    /**
     * Whether the token is idle: idle tokens are switched on, and it went unused for the idle
     * timeout or was made idle. Otherwise it counts as used now.
     */
    boolean isIdleElseUse(AccessToken token) {
        if (idleTimeout.isZero()) {
            return false;
        }
        Instant now = Instant.now();
        if (token.idle || !now.isBefore(token.lastUsed.plus(idleTimeout))) {
            token.idle = true;
            return true;
        }
        token.lastUsed = now;
        return false;
    }

    /** Makes an idle token usable again, as E*TRADE's {@code renew_access_token} does; the token stays the same. */
    void reactivate(AccessToken token) {
        token.idle = false;
        token.lastUsed = Instant.now();
        token.reactivations.incrementAndGet();
    }

    /** Makes every access token idle now, as if the idle timeout had passed; how many there were. */
    int makeAllIdle() {
        accessTokens.values().forEach(token -> token.idle = true);
        return accessTokens.size();
    }

    /** Replaces a token by a new one of the same session; null if it was replaced already. */
    AccessToken renew(AccessToken old) {
        return accessTokens.remove(old.getToken(), old) ? issue(old.session, Instant.now()) : null;
    }

    private AccessToken issue(Session session, Instant now) {
        AccessToken token = new AccessToken(randomString(), randomString(), session, now);
        accessTokens.put(token.getToken(), token);
        return token;
    }

    private static String randomString() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** One approval: the tokens issued for it, one after the other, share its handle. */
    record Session(String handle, String user, Instant authorizationExpiresAt) {

        boolean isOver(Instant now) {
            return !now.isBefore(authorizationExpiresAt);
        }
    }

    /** An access token; Jersey's access-token endpoint appends its attributes to the response. */
    final class AccessToken implements OAuth1Token {
        private final String token;
        private final String secret;
        private final Session session;
        private final Instant expiresAt;
        private final Caller principal;
        private final MultivaluedMap<String, String> attributes = new MultivaluedHashMap<>();
        private final AtomicInteger reactivations = new AtomicInteger();
        private volatile Instant lastUsed;
        private volatile boolean idle;

        private AccessToken(String token, String secret, Session session, Instant issuedAt) {
            this.lastUsed = issuedAt;
            this.token = token;
            this.secret = secret;
            this.session = session;
            this.expiresAt = issuedAt.plus(tokenLifetime);
            this.principal = new Caller(session.user(), consumer.getKey(), token);
            attributes.putSingle(SESSION_HANDLE, session.handle());
            attributes.putSingle(EXPIRES_IN, Long.toString(tokenLifetime.toSeconds()));
            attributes.putSingle(AUTHORIZATION_EXPIRES_IN,
                    Long.toString(Duration.between(issuedAt, session.authorizationExpiresAt()).toSeconds()));
        }

        Session session() {
            return session;
        }

        Instant expiresAt() {
            return expiresAt;
        }

        boolean isExpired() {
            return !Instant.now().isBefore(expiresAt);
        }

        int reactivations() {
            return reactivations.get();
        }

        @Override
        public String getToken() {
            return token;
        }

        @Override
        public String getSecret() {
            return secret;
        }

        @Override
        public OAuth1Consumer getConsumer() {
            return consumer;
        }

        @Override
        public MultivaluedMap<String, String> getAttributes() {
            return attributes;
        }

        @Override
        public Caller getPrincipal() {
            return principal;
        }

        @Override
        public boolean isInRole(String role) {
            return false;
        }
    }

    /** Jersey's registered consumer, with the principal Jersey needs to accept a 2-legged request. */
    private record TwoLeggedConsumer(OAuth1Consumer registered, Caller principal) implements OAuth1Consumer {

        @Override
        public String getKey() {
            return registered.getKey();
        }

        @Override
        public String getSecret() {
            return registered.getSecret();
        }

        @Override
        public Principal getPrincipal() {
            return principal;
        }

        @Override
        public boolean isInRole(String role) {
            return false;
        }
    }
}
