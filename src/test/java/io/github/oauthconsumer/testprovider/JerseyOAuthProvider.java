package io.github.oauthconsumer.testprovider;

import java.net.URI;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

import com.sun.net.httpserver.HttpServer;

import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.oauth1.OAuth1ServerFeature;
import org.glassfish.jersey.server.oauth1.OAuth1ServerProperties;

/**
 * An OAuth 1.0a service provider for tests, independent of this project: every signature is
 * verified by Jersey's {@code oauth1-server} / {@code oauth1-signature}, and nothing here imports
 * the library under test. It runs Jersey on the JDK HTTP server at {@code http://127.0.0.1:<random port>/}.
 *
 * <table>
 * <caption>Endpoints (relative to {@link #baseUri()})</caption>
 * <tr><td>POST {@value #REQUEST_TOKEN_PATH}</td><td>Jersey's request-token endpoint</td></tr>
 * <tr><td>GET {@value #AUTHORIZE_PATH}</td><td>approves at once: 303 to the callback, or 200 form body for {@code oob}</td></tr>
 * <tr><td>POST {@value #ACCESS_TOKEN_PATH}</td><td>Jersey's access-token endpoint, plus the OAuth Session
 * extension: the response carries {@code oauth_session_handle}, {@code oauth_expires_in},
 * {@code oauth_authorization_expires_in}; a request with {@code oauth_session_handle} (signed with the
 * old token) renews</td></tr>
 * <tr><td>GET/POST/PUT/DELETE {@value #ECHO_PATH}</td><td>3-legged; answers an {@link EchoResponse}</td></tr>
 * <tr><td>GET/POST/PUT/DELETE {@value #TWO_LEGGED_PATH}</td><td>2-legged (no token allowed); answers an {@link EchoResponse}</td></tr>
 * <tr><td>POST (or GET) {@value #REACTIVATE_PATH}</td><td>3-legged; reactivates an idle access token, as
 * E*TRADE's {@code renew_access_token}</td></tr>
 * </table>
 *
 * <p>Modes, off by default, make it depart from RFC 5849 as some providers do:
 * {@link #tokenRequestMethod(String) GET token endpoints}, an authorization page that takes
 * {@link #keyAndTokenAuthorization() key and token}, and {@link #makeIdle(String) idle tokens}; and
 * as a troubled set-up does: {@link #seenAs(String) another host} or
 * {@link #addsQueryParameter(String, String) a parameter added} between client and provider,
 * {@link #reportsBaseStrings() base strings printed in refusals}, and
 * {@link #startWithClockAhead(Duration, boolean) a clock that is off}.
 *
 * <p>OAuth parameters may come in the {@code Authorization} header, the query or a form body
 * (see {@link ParameterTransmissionFilter}).
 *
 * <p>Failures: Jersey answers a bad signature, unknown consumer or token, replayed nonce or stale
 * timestamp on the protected resources with a bare 401 ({@code WWW-Authenticate: OAuth realm="…"},
 * no body), and problems on its token endpoints with a bare 400. This provider adds
 * {@code oauth_problem} responses (401, in {@code WWW-Authenticate} and as a form body) for
 * {@code token_expired}, {@code token_rejected}, {@code parameter_absent}, {@code parameter_rejected},
 * {@code nonce_used}, {@code timestamp_refused}, {@code signature_invalid}, {@code permission_denied},
 * {@code signature_method_rejected} and {@code consumer_key_unknown}.
 */
public final class JerseyOAuthProvider implements AutoCloseable {

    /** The realm in every {@code WWW-Authenticate} header. */
    public static final String REALM = "oauth-test-provider";
    public static final String REQUEST_TOKEN_PATH = "oauth/request_token";
    public static final String AUTHORIZE_PATH = "oauth/authorize";
    public static final String ACCESS_TOKEN_PATH = "oauth/access_token";
    public static final String ECHO_PATH = "api/echo";
    public static final String TWO_LEGGED_PATH = "api/two-legged";
    /** Revokes the access token a POST is signed with, as X/Twitter's {@code oauth/invalidate_token}. */
    public static final String REVOKE_PATH = "api/revoke";
    public static final String REACTIVATE_PATH = "oauth/renew_access_token";
    /** The resource owner of {@link #approve(String)} and {@link #issueAccessToken(String)}. */
    public static final String DEFAULT_USER = "alice";

    private final TokenStore store = new TokenStore();
    private final ProviderModes modes = new ProviderModes();
    private final ExchangeRecorder recorder = new ExchangeRecorder();
    private final List<EchoResponse> echoes = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ShiftedDateGateway gateway;
    private final URI baseUri;

    private JerseyOAuthProvider(Duration clockAhead, boolean tellsAcceptableTimestamps) {
        modes.clockAhead(clockAhead);
        ResourceConfig config = new ResourceConfig()
                .property(OAuth1ServerProperties.REALM, REALM)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(new OAuth1ServerFeature(store, REQUEST_TOKEN_PATH, ACCESS_TOKEN_PATH))
                .register(new TokenEndpointFilter(store, modes))
                .register(new CallbackConfirmationFilter(modes))
                .register(new SignatureMethodGuard(store))
                .register(new RsaFailureMapper())
                .register(new ParameterTransmissionFilter())
                .register(recorder)
                .register(new IntermediaryFilter(modes))
                .register(new BaseStringReport(modes, store))
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(JerseyOAuthProvider.this).to(JerseyOAuthProvider.class);
                        bind(store).to(TokenStore.class);
                        bind(modes).to(ProviderModes.class);
                    }
                })
                .registerClasses(ProtectedResource.class, AuthorizeResource.class, ReactivationResource.class);
        Clock providerClock = Clock.offset(Clock.systemUTC(), clockAhead);
        if (!clockAhead.isZero()) {
            config.register(new ShiftedClockFilter(providerClock, tellsAcceptableTimestamps))
                    .property(OAuth1ServerProperties.MAX_AGE, clockAhead.abs().plusSeconds(ShiftedClockFilter.WINDOW_SECONDS).toMillis());
        }
        server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config);
        gateway = clockAhead.isZero() ? null : new ShiftedDateGateway(server.getAddress().getPort(), providerClock);
        baseUri = gateway != null ? gateway.baseUri() : URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Starts a provider on 127.0.0.1 and a free port. */
    public static JerseyOAuthProvider start() {
        return new JerseyOAuthProvider(Duration.ZERO, false);
    }

    /**
     * Starts a provider whose clock is {@code ahead} of the real one (behind when negative): its
     * answers carry its time in {@code Date} (set by a {@link ShiftedDateGateway} in front of it,
     * whose address is {@link #baseUri()}), and it refuses a timestamp more than 300 s from its
     * time, with {@code timestamp_refused} and {@code oauth_acceptable_timestamps} when
     * {@code tellsAcceptableTimestamps}, else with Jersey's bare 401. Jersey still verifies every
     * signature and nonce (its timestamp window is widened by the shift, since it reads the real clock).
     */
    public static JerseyOAuthProvider startWithClockAhead(Duration ahead, boolean tellsAcceptableTimestamps) {
        if (ahead.isZero()) {
            throw new IllegalArgumentException("use start() for a provider whose clock is right");
        }
        return new JerseyOAuthProvider(ahead, tellsAcceptableTimestamps);
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        server.stop(0);
        if (server.getExecutor() instanceof ExecutorService executor) {
            executor.shutdownNow();
        }
    }

    // ---- URIs ----

    /** {@code http://127.0.0.1:<port>/}, with the trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** A path relative to the base URI, e.g. {@code uri("api/echo?x=1")}. */
    public URI uri(String relative) {
        return baseUri.resolve(relative.startsWith("/") ? relative.substring(1) : relative);
    }

    public URI requestTokenUri() {
        return uri(REQUEST_TOKEN_PATH);
    }

    public URI authorizationUri() {
        return uri(AUTHORIZE_PATH);
    }

    public URI accessTokenUri() {
        return uri(ACCESS_TOKEN_PATH);
    }

    /**
     * The MicroProfile Config lines of a consumer that runs the access-token flow against this
     * provider: {@code oauth1.<name>.*} key, secret and the three URLs, the approval page approving
     * for {@code user}.
     */
    public List<String> flowConsumerConfig(String name, String consumerKey, String consumerSecret, String user) {
        String prefix = "oauth1." + name + ".";
        return List.of(prefix + "consumer-key=" + consumerKey, prefix + "consumer-secret=" + consumerSecret,
                prefix + "request-token-url=" + requestTokenUri(),
                prefix + "authorization-url=" + authorizationUri() + "?user=" + user,
                prefix + "access-token-url=" + accessTokenUri());
    }

    public URI echoUri() {
        return uri(ECHO_PATH);
    }

    public URI twoLeggedUri() {
        return uri(TWO_LEGGED_PATH);
    }

    public URI revocationUri() {
        return uri(REVOKE_PATH);
    }

    public URI reactivateUri() {
        return uri(REACTIVATE_PATH);
    }

    // ---- modes ----

    /**
     * {@code GET}: the token endpoints (request token, access token, renewal) and
     * {@value #REACTIVATE_PATH} answer GETs only, POSTs get 405; {@code POST} (the default): the
     * other way round.
     */
    public JerseyOAuthProvider tokenRequestMethod(String method) {
        modes.tokenRequestMethod(method);
        return this;
    }

    /**
     * The authorization page takes {@code ?key=<consumer key>&token=<request token>}, as E*TRADE's
     * does, and refuses a request with {@code oauth_token} alone (400).
     */
    public JerseyOAuthProvider keyAndTokenAuthorization() {
        modes.keyAndTokenAuthorization(true);
        return this;
    }

    /**
     * Request tokens are answered with {@code oauth_callback_confirmed=false}, as E*TRADE answers when
     * no callback is registered for the consumer key (RFC 5849 says the provider must send {@code true}).
     */
    public JerseyOAuthProvider unconfirmedCallbacks() {
        modes.callbackConfirmed(false);
        return this;
    }

    /**
     * Requests are seen at {@code host} instead of the one they were sent to, as behind a proxy that
     * rewrites {@code Host}: Jersey then verifies a base string with that host.
     */
    public JerseyOAuthProvider seenAs(String host) {
        modes.seenHost(host);
        return this;
    }

    /** An intermediary adds this query parameter to every request after it was signed. */
    public JerseyOAuthProvider addsQueryParameter(String name, String value) {
        modes.addedQueryParameter(name, value);
        return this;
    }

    /**
     * A signature Jersey refuses on the protected resources is answered with 401
     * {@code oauth_problem=signature_invalid} and {@code oauth_signature_base_string}, the base string
     * Jersey computed, as some providers print theirs (see {@link BaseStringReport}).
     */
    public JerseyOAuthProvider reportsBaseStrings() {
        modes.reportsBaseStrings(true);
        return this;
    }

    /** The {@code oauth_problem} of the 401 that protected resources answer an idle token with; {@code token_rejected} by default. */
    public JerseyOAuthProvider idleProblem(String problem) {
        modes.idleProblem(problem);
        return this;
    }

    // ---- consumers ----

    /** An HMAC-SHA1 / PLAINTEXT consumer. */
    public JerseyOAuthProvider registerConsumer(String key, String secret) {
        store.registerConsumer(key, secret);
        return this;
    }

    /**
     * An RSA-SHA1 consumer, known by its certificate ({@code -----BEGIN CERTIFICATE-----} PEM).
     * Such a consumer cannot use HMAC-SHA1 or PLAINTEXT: Jersey would use the PEM text as the secret.
     */
    public JerseyOAuthProvider registerRsaConsumer(String key, String pemCertificate) {
        if (!pemCertificate.strip().startsWith("-----BEGIN CERTIFICATE")) {
            throw new IllegalArgumentException("Jersey needs a PEM X.509 certificate for RSA-SHA1");
        }
        store.registerConsumer(key, pemCertificate.strip());
        return this;
    }

    /** An RSA-SHA1 consumer whose certificate is made here, self-signed, for the key pair. */
    public JerseyOAuthProvider registerRsaConsumer(String key, KeyPair keyPair) {
        return registerRsaConsumer(key, TestCertificates.selfSignedCertificatePem(keyPair, key));
    }

    // ---- tokens ----

    /** The user approves a request token; returns the {@code oauth_verifier}. */
    public String approve(String requestToken) {
        return approve(requestToken, DEFAULT_USER);
    }

    /** {@code user} approves a request token; returns the {@code oauth_verifier}. */
    public String approve(String requestToken, String user) {
        return store.approve(requestToken, user);
    }

    /** An access token (with a new session) for {@link #DEFAULT_USER}, without going through the flow. */
    public IssuedToken issueAccessToken(String consumerKey) {
        return issueAccessToken(consumerKey, DEFAULT_USER);
    }

    /** An access token (with a new session) for {@code user}, without going through the flow. */
    public IssuedToken issueAccessToken(String consumerKey, String user) {
        return store.newSession(consumerKey, user).issued();
    }

    /**
     * Makes the access token expired now: protected resources answer it with 401
     * {@code oauth_problem=token_expired}; its session handle still renews it.
     */
    public void expire(String accessToken) {
        store.expire(accessToken);
    }

    /**
     * Makes the access token idle now, as E*TRADE's after two hours without a request: protected
     * resources answer it with 401 and the {@link #idleProblem(String) idle problem} until a request
     * signed with it reaches {@value #REACTIVATE_PATH}.
     */
    public void makeIdle(String accessToken) {
        store.makeIdle(accessToken);
    }

    /** Successful reactivations at {@value #REACTIVATE_PATH}. */
    public int reactivationCount() {
        return store.reactivationCount();
    }

    /**
     * The query and form parameters of the request that obtained a request token (not yet exchanged),
     * {@code oauth_*} ones sent there too, as the provider verified them.
     */
    public Map<String, List<String>> requestTokenParameters(String requestToken) {
        return Map.copyOf(requestToken(requestToken).getAttributes());
    }

    /** The {@code oauth_callback} a request token (not yet exchanged) was obtained with. */
    public String callbackOf(String requestToken) {
        return requestToken(requestToken).callbackUrl();
    }

    private TokenStore.RequestToken requestToken(String requestToken) {
        TokenStore.RequestToken token = store.getRequestToken(requestToken);
        if (token == null) {
            throw new IllegalArgumentException("unknown or exchanged request token " + requestToken);
        }
        return token;
    }

    /** Ends the authorization of a session: its handle no longer renews (401 {@code permission_denied}). */
    public void endSession(String sessionHandle) {
        store.endSession(sessionHandle);
    }

    /** Forgets the access token: requests with it get Jersey's bare 401, renewal gets {@code token_rejected}. */
    public void revoke(String accessToken) {
        store.revoke(accessToken);
    }

    /** Whether the token is known, not replaced by a renewal and not expired. */
    public boolean isActive(String accessToken) {
        return store.isActive(accessToken);
    }

    /** The access token a session handle currently stands for, {@code null} for an unknown handle. */
    public String currentAccessToken(String sessionHandle) {
        return store.currentToken(sessionHandle);
    }

    /**
     * Lifetime of access tokens issued from now on, announced as {@code oauth_expires_in}
     * (default 1 h). Tokens also expire by the {@link #clock(Clock) clock}; {@link #expire(String)}
     * is the deterministic way.
     */
    public JerseyOAuthProvider accessTokenLifetime(Duration lifetime) {
        store.accessTokenLifetime(lifetime);
        return this;
    }

    /** Lifetime of sessions started from now on, announced as {@code oauth_authorization_expires_in} (default 1 day). */
    public JerseyOAuthProvider authorizationLifetime(Duration lifetime) {
        store.authorizationLifetime(lifetime);
        return this;
    }

    /**
     * The clock for token and session lifetimes (not for OAuth timestamps, which Jersey checks
     * against the system clock).
     */
    public JerseyOAuthProvider clock(Clock clock) {
        store.clock(clock);
        return this;
    }

    // ---- what happened ----

    /** Successful renewals through {@code oauth_session_handle}. */
    public int renewalCount() {
        return store.renewalCount();
    }

    /** Renewal requests (access-token requests with {@code oauth_session_handle}), successful or not. */
    public int renewalAttempts() {
        return store.renewalAttempts();
    }

    /** Requests received on a path such as {@link #ECHO_PATH}, whatever their outcome. */
    public int requestCount(String path) {
        return recorder.count(path);
    }

    /** Every exchange so far, in order. */
    public List<RecordedExchange> exchanges() {
        return recorder.exchanges();
    }

    /** What the protected resources accepted, in order. */
    public List<EchoResponse> echoes() {
        return List.copyOf(echoes);
    }

    /** The last request a protected resource accepted. */
    public EchoResponse lastEcho() {
        if (echoes.isEmpty()) {
            throw new IllegalStateException("no protected request accepted yet");
        }
        return echoes.get(echoes.size() - 1);
    }

    /** Clears request counts, exchanges and echoes (not the renewal counts, nor consumers and tokens). */
    public void resetRecords() {
        recorder.reset();
        echoes.clear();
    }

    void recordEcho(EchoResponse echo) {
        echoes.add(echo);
    }
}
