package io.github.oauthconsumer.testprovider;

import java.security.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.glassfish.jersey.server.oauth1.OAuth1Consumer;
import org.glassfish.jersey.server.oauth1.OAuth1Provider;
import org.glassfish.jersey.server.oauth1.OAuth1Token;

/**
 * Consumers, tokens and sessions of one test provider.
 *
 * <p>Jersey's {@code DefaultOAuth1Provider} keeps consumers and tokens in <em>static</em> maps, so
 * two providers in one JVM would share them; this store is per instance. It only stores: every
 * signature, nonce and timestamp on protected resources and on Jersey's token endpoints is checked
 * by Jersey. It hands out expired access tokens too, so that Jersey still verifies the signature
 * of a request that uses one; the protected resource then answers {@code token_expired}.
 */
final class TokenStore implements OAuth1Provider {

    static final String SESSION_HANDLE = "oauth_session_handle";
    static final String EXPIRES_IN = "oauth_expires_in";
    static final String AUTHORIZATION_EXPIRES_IN = "oauth_authorization_expires_in";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Consumer> consumers = new ConcurrentHashMap<>();
    private final Map<String, RequestToken> requestTokens = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger renewals = new AtomicInteger();
    private final AtomicInteger renewalAttempts = new AtomicInteger();
    private final AtomicInteger reactivations = new AtomicInteger();

    private volatile Clock clock = Clock.systemUTC();
    private volatile Duration accessTokenLifetime = Duration.ofHours(1);
    private volatile Duration authorizationLifetime = Duration.ofDays(1);

    // ---- configuration ----

    void clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    void accessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = Objects.requireNonNull(lifetime);
    }

    void authorizationLifetime(Duration lifetime) {
        this.authorizationLifetime = Objects.requireNonNull(lifetime);
    }

    void registerConsumer(String key, String secret) {
        consumers.put(Objects.requireNonNull(key), new Consumer(key, Objects.requireNonNull(secret)));
    }

    // ---- OAuth1Provider, called by Jersey ----

    @Override
    public Consumer getConsumer(String consumerKey) {
        return consumerKey == null ? null : consumers.get(consumerKey);
    }

    @Override
    public OAuth1Token newRequestToken(String consumerKey, String callbackUrl, Map<String, List<String>> attributes) {
        RequestToken token = new RequestToken(random(), random(), consumerKey, callbackUrl, attributes);
        requestTokens.put(token.token, token);
        return token;
    }

    @Override
    public RequestToken getRequestToken(String token) {
        return token == null ? null : requestTokens.get(token);
    }

    /** A request token is good for one attempt: a wrong verifier uses it up, as in Jersey's default provider. */
    @Override
    public OAuth1Token newAccessToken(OAuth1Token requestToken, String verifier) {
        if (requestToken == null) {
            return null;
        }
        RequestToken stored = requestTokens.remove(requestToken.getToken());
        if (stored == null || stored.verifier == null || !stored.verifier.equals(verifier)) {
            return null;
        }
        return newSession(stored.consumerKey, stored.user);
    }

    @Override
    public AccessToken getAccessToken(String token) {
        return token == null ? null : accessTokens.get(token);
    }

    // ---- test operations ----

    String approve(String requestToken, String user) {
        RequestToken token = requestTokens.get(requestToken);
        if (token == null) {
            throw new IllegalArgumentException("unknown request token " + requestToken);
        }
        token.user = Objects.requireNonNull(user);
        token.verifier = random();
        return token.verifier;
    }

    AccessToken newSession(String consumerKey, String user) {
        if (!consumers.containsKey(consumerKey)) {
            throw new IllegalArgumentException("unknown consumer " + consumerKey);
        }
        Session session = new Session(random(), consumerKey, user, clock.instant().plus(authorizationLifetime));
        sessions.put(session.handle, session);
        return newAccessToken(session);
    }

    /** Replaces {@code old} by a new token of the same session; {@code null} if {@code old} is no longer current. */
    AccessToken renew(AccessToken old) {
        if (!accessTokens.remove(old.token, old)) {
            return null;
        }
        renewals.incrementAndGet();
        return newAccessToken(old.session);
    }

    private AccessToken newAccessToken(Session session) {
        AccessToken token = new AccessToken(random(), random(), session, clock.instant(), accessTokenLifetime);
        accessTokens.put(token.token, token);
        session.current = token;
        return token;
    }

    void expire(String accessToken) {
        accessToken(accessToken).expired = true;
    }

    void makeIdle(String accessToken) {
        accessToken(accessToken).idle = true;
    }

    void reactivate(AccessToken token) {
        token.idle = false;
        reactivations.incrementAndGet();
    }

    int reactivationCount() {
        return reactivations.get();
    }

    void revoke(String accessToken) {
        accessTokens.remove(accessToken(accessToken).token);
    }

    void endSession(String sessionHandle) {
        Session session = sessions.get(sessionHandle);
        if (session == null) {
            throw new IllegalArgumentException("unknown session handle " + sessionHandle);
        }
        session.ended = true;
    }

    String currentToken(String sessionHandle) {
        Session session = sessions.get(sessionHandle);
        return session == null ? null : session.current.token;
    }

    boolean isActive(String accessToken) {
        AccessToken token = accessTokens.get(accessToken);
        return token != null && !token.isExpired();
    }

    int renewalCount() {
        return renewals.get();
    }

    void countRenewalAttempt() {
        renewalAttempts.incrementAndGet();
    }

    int renewalAttempts() {
        return renewalAttempts.get();
    }

    private AccessToken accessToken(String token) {
        AccessToken found = accessTokens.get(token);
        if (found == null) {
            throw new IllegalArgumentException("unknown or replaced access token " + token);
        }
        return found;
    }

    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static long secondsUntil(Instant now, Instant end) {
        return Math.max(0, (Duration.between(now, end).toMillis() + 999) / 1000);
    }

    // ---- model ----

    /** A consumer is also a principal, so that Jersey accepts 2-legged requests (it rejects consumers without one). */
    static final class Consumer implements OAuth1Consumer {
        private final String key;
        private final String secret;
        private final OAuthPrincipal principal;

        private Consumer(String key, String secret) {
            this.key = key;
            this.secret = secret;
            this.principal = new OAuthPrincipal(key, key, null);
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public String getSecret() {
            return secret;
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

    final class RequestToken implements OAuth1Token {
        private final String token;
        private final String secret;
        private final String consumerKey;
        private final String callbackUrl;
        private final MultivaluedMap<String, String> attributes;
        private volatile String user;
        private volatile String verifier;

        private RequestToken(String token, String secret, String consumerKey, String callbackUrl,
                Map<String, List<String>> attributes) {
            this.token = token;
            this.secret = secret;
            this.consumerKey = consumerKey;
            this.callbackUrl = callbackUrl;
            this.attributes = new MultivaluedHashMap<>();
            if (attributes != null) {
                this.attributes.putAll(attributes);
            }
        }

        String callbackUrl() {
            return callbackUrl;
        }

        String consumerKey() {
            return consumerKey;
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
            return TokenStore.this.getConsumer(consumerKey);
        }

        @Override
        public MultivaluedMap<String, String> getAttributes() {
            return attributes;
        }

        @Override
        public Principal getPrincipal() {
            String u = user;
            return u == null ? null : new OAuthPrincipal(u, consumerKey, null);
        }

        @Override
        public boolean isInRole(String role) {
            return false;
        }
    }

    private static final class Session {
        private final String handle;
        private final String consumerKey;
        private final String user;
        private final Instant authorizationExpiresAt;
        private volatile AccessToken current;
        private volatile boolean ended;

        private Session(String handle, String consumerKey, String user, Instant authorizationExpiresAt) {
            this.handle = handle;
            this.consumerKey = consumerKey;
            this.user = user;
            this.authorizationExpiresAt = authorizationExpiresAt;
        }
    }

    final class AccessToken implements OAuth1Token {
        private final String token;
        private final String secret;
        private final Session session;
        private final Instant expiresAt;
        private final OAuthPrincipal principal;
        private final MultivaluedMap<String, String> attributes = new MultivaluedHashMap<>();
        private volatile boolean expired;
        private volatile boolean idle;

        private AccessToken(String token, String secret, Session session, Instant issuedAt, Duration lifetime) {
            this.token = token;
            this.secret = secret;
            this.session = session;
            this.expiresAt = issuedAt.plus(lifetime);
            this.principal = new OAuthPrincipal(session.user, session.consumerKey, token);
            // fixed at issue, so that a test can assert exact values
            attributes.putSingle(SESSION_HANDLE, session.handle);
            attributes.putSingle(EXPIRES_IN, Long.toString(secondsUntil(issuedAt, expiresAt)));
            attributes.putSingle(AUTHORIZATION_EXPIRES_IN,
                    Long.toString(secondsUntil(issuedAt, session.authorizationExpiresAt)));
        }

        boolean isExpired() {
            return expired || !clock.instant().isBefore(expiresAt);
        }

        /** Unused for too long, as E*TRADE's tokens after two hours: refused until reactivated. */
        boolean isIdle() {
            return idle;
        }

        boolean isSessionOver() {
            return session.ended || !clock.instant().isBefore(session.authorizationExpiresAt);
        }

        String consumerKey() {
            return session.consumerKey;
        }

        String sessionHandle() {
            return session.handle;
        }

        IssuedToken issued() {
            return new IssuedToken(token, secret, session.handle);
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
            return TokenStore.this.getConsumer(session.consumerKey);
        }

        /** Jersey's access-token endpoint appends these to its response: the OAuth Session extension fields. */
        @Override
        public MultivaluedMap<String, String> getAttributes() {
            return attributes;
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
