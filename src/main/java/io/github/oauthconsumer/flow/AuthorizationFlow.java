package io.github.oauthconsumer.flow;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.AccessTokenObtained;
import io.github.oauthconsumer.api.AuthorizationRefused;
import io.github.oauthconsumer.api.FlowPageAttributes;
import io.github.oauthconsumer.api.OAuthConsumerConfig;
import io.github.oauthconsumer.api.OAuthException;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.api.RequestToken;
import io.github.oauthconsumer.client.TokenEndpoints;
import io.github.oauthconsumer.core.AuthorizationUrlTemplate;
import io.github.oauthconsumer.monitoring.Monitor;
import io.github.oauthconsumer.core.OAuthParameterNames;
import io.github.oauthconsumer.core.OncePerInterval;
import io.github.oauthconsumer.core.PercentEncoding;
import io.github.oauthconsumer.spi.AccessTokenStore;
import io.github.oauthconsumer.spi.PendingAuthorization;
import io.github.oauthconsumer.spi.PendingAuthorizationStore;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The access-token flow of RFC 5849 section 2 for the current user, without HTTP: the start
 * obtains a request token and sends the user to the provider; the callback checks that the
 * provider sent back the request token pending for this same user, exchanges it for an access
 * token, stores that and sends the user on. Out-of-band ({@code callback-url=oob}), the start leads
 * to the verifier page instead, which links to the provider and takes the code the provider showed
 * the user; its form is bound to the pending authorization of this same user by a
 * {@link VerifierFormToken}, and the code is then exchanged as a callback's verifier. Each step
 * answers a {@link FlowOutcome}. A pending authorization is removed before its exchange, so that a
 * callback or a code works at most once, and nothing is stored when a step fails.
 */
final class AuthorizationFlow {

    private static final Logger LOG = Logger.getLogger(AuthorizationFlow.class.getName());

    /** Per application (the library is loaded per WAR), since a flow is made per request: see AuthorizationFlows. */
    private static final OncePerInterval REFUSED_CALLBACK_LOG = new OncePerInterval(Duration.ofMinutes(1));
    private static final OncePerInterval PROVIDER_FAILURE_LOG = new OncePerInterval(Duration.ofMinutes(1));
    private static final OncePerInterval REFUSED_VERIFIER_LOG = new OncePerInterval(Duration.ofMinutes(1));
    /** Longer than any provider's code; a longer paste is a mistake, and is not sent to the provider. */
    static final int MAX_VERIFIER_LENGTH = 1024;

    private final FlowPaths paths;
    private final Function<String, Optional<FlowConsumer>> consumers;
    private final AccessTokenStore tokens;
    private final PendingAuthorizationStore pending;
    private final Consumer<Object> events;
    private final Clock clock;
    private final Monitor monitor;

    /**
     * A flow.
     *
     * @param paths     where the flow's resources are
     * @param consumers finds a consumer that can run the flow by name; empty when there is none
     * @param tokens    the current user's access tokens
     * @param pending   the current user's pending authorizations
     * @param events    fires CDI events
     * @param clock     tells when a pending authorization started and whether it expired
     * @param monitor   where flows started, completed, refused and failed are reported
     */
    AuthorizationFlow(FlowPaths paths, Function<String, Optional<FlowConsumer>> consumers, AccessTokenStore tokens,
                      PendingAuthorizationStore pending, Consumer<Object> events, Clock clock, Monitor monitor) {
        this.paths = paths;
        this.consumers = consumers;
        this.tokens = tokens;
        this.pending = pending;
        this.events = events;
        this.clock = clock;
        this.monitor = monitor;
    }

    /** {@code GET <base>/<name>/authorize?next=...}: obtains a request token and sends the user to approve it. */
    FlowOutcome start(RequestBase request, String name, String requestedNext) {
        Optional<FlowConsumer> found = consumers.apply(name);
        if (found.isEmpty()) {
            return unknownConsumer(name);
        }
        OAuthConsumerConfig config = found.get().config();
        String next = NextUrl.sanitize(requestedNext);
        RequestToken requestToken;
        try {
            requestToken = found.get().endpoints().requestToken(callbackUrl(request, name, config));
        } catch (OAuthException e) {
            return providerFailure(request, name, "a request token", next, e);
        }
        pending.store(new PendingAuthorization(name, requestToken, next, clock.instant()));
        monitor.flow(name, Monitor.FlowEvent.STARTED);
        if (config.isOutOfBand()) {
            return new FlowOutcome.Redirect(paths.verifierPath(request.contextPath(), name));
        }
        String authorizationUrl = authorizationUrl(config, requestToken.token());
        if (config.authorizePage() == null) {
            return new FlowOutcome.Redirect(authorizationUrl);
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(FlowPageAttributes.CONSUMER_NAME, name);
        attributes.put(FlowPageAttributes.AUTHORIZATION_URL, authorizationUrl);
        attributes.put(FlowPageAttributes.NEXT_URL, request.contextPath() + next);
        return new FlowOutcome.Forward(config.authorizePage(), 200, attributes);
    }

    /** {@code GET <base>/<name>/callback?oauth_token=...&oauth_verifier=...}: the provider sends the user back. */
    FlowOutcome callback(RequestBase request, String name, CallbackParameters callback) {
        Optional<FlowConsumer> found = consumers.apply(name);
        if (found.isEmpty()) {
            return unknownConsumer(name);
        }
        OAuthConsumerConfig config = found.get().config();
        Optional<PendingAuthorization> waiting = pending.find(name);
        if (waiting.isEmpty()) {
            return notPending(request, name);
        }
        PendingAuthorization authorization = waiting.get();
        String returnedToken = callback.returnedToken();
        boolean otherToken = returnedToken == null ? !callback.isRefusal()
                : !returnedToken.equals(authorization.requestToken().token());
        if (otherToken) {
            long others = REFUSED_CALLBACK_LOG.tryPass();
            if (others >= 0) {
                LOG.log(Level.WARNING, "OAuth callback for ''{0}'' refused: its oauth_token is not the request token"
                        + " pending in this session; nothing was changed ({1} more refused since the last such line;"
                        + " logged at most once a minute)", new Object[] {name, others});
            }
            return new FlowOutcome.Page(403, "Authorization not recognised",
                    "The provider '" + name + "' sent you back for an authorization that was not started in this"
                            + " browser session. Nothing was stored.",
                    "Start again", restartUrl(request, name, authorization.next()));
        }
        if (authorization.isExpiredAt(clock.instant(), config.pendingAuthorizationTimeout())) {
            return expired(request, name, authorization);
        }
        if (callback.isRefusal()) {
            pending.remove(authorization);
            monitor.flow(name, Monitor.FlowEvent.REFUSED);
            events.accept(new AuthorizationRefused(name, callback.problem()));
            return refused(request, name, config, authorization, callback.problem());
        }
        return exchange(request, name, found.get(), authorization, callback.verifier());
    }

    /**
     * {@code GET <base>/<name>/verifier}: the page of an out-of-band consumer where the user pastes
     * the code the provider showed, for the authorization pending for this user.
     */
    FlowOutcome verifierForm(RequestBase request, String name) {
        Optional<FlowConsumer> found = consumers.apply(name);
        if (found.isEmpty()) {
            return unknownConsumer(name);
        }
        if (!found.get().config().isOutOfBand()) {
            return noVerifierPage();
        }
        OAuthConsumerConfig config = found.get().config();
        Optional<PendingAuthorization> waiting = pending.find(name);
        if (waiting.isEmpty()) {
            return noneInProgress(request, name);
        }
        PendingAuthorization authorization = waiting.get();
        if (authorization.isExpiredAt(clock.instant(), config.pendingAuthorizationTimeout())) {
            return expired(request, name, authorization);
        }
        String authorizationUrl = authorizationUrl(config, authorization.requestToken().token());
        String action = paths.verifierPath(request.contextPath(), name);
        String csrfToken = VerifierFormToken.of(authorization);
        if (config.verifierPage() == null) {
            return new FlowOutcome.VerifierForm(name, authorizationUrl, action, csrfToken);
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(FlowPageAttributes.CONSUMER_NAME, name);
        attributes.put(FlowPageAttributes.AUTHORIZATION_URL, authorizationUrl);
        attributes.put(FlowPageAttributes.VERIFIER_ACTION, action);
        attributes.put(FlowPageAttributes.CSRF_TOKEN, csrfToken);
        attributes.put(FlowPageAttributes.NEXT_URL, request.contextPath() + authorization.next());
        return new FlowOutcome.Forward(config.verifierPage(), 200, attributes);
    }

    /**
     * {@code POST <base>/<name>/verifier}: the code the user pasted, with the form's token. It must be
     * the form of the authorization pending for this same user (else 403, nothing stored); the code is
     * then exchanged as a callback's verifier. An empty or absurdly long code shows the form again.
     */
    FlowOutcome submitVerifier(RequestBase request, String name, String csrfToken, String verifier) {
        Optional<FlowConsumer> found = consumers.apply(name);
        if (found.isEmpty()) {
            return unknownConsumer(name);
        }
        if (!found.get().config().isOutOfBand()) {
            return noVerifierPage();
        }
        Optional<PendingAuthorization> waiting = pending.find(name);
        if (waiting.isEmpty()) {
            return noneInProgress(request, name);
        }
        PendingAuthorization authorization = waiting.get();
        if (!VerifierFormToken.matches(authorization, csrfToken)) {
            long others = REFUSED_VERIFIER_LOG.tryPass();
            if (others >= 0) {
                LOG.log(Level.WARNING, "OAuth verification code for ''{0}'' refused: the form is not the one shown for"
                        + " the authorization pending in this session; nothing was changed ({1} more refused since the"
                        + " last such line; logged at most once a minute)", new Object[] {name, others});
            }
            return new FlowOutcome.Page(403, "Authorization not recognised",
                    "The code was not sent from the page shown for the authorization at '" + name + "' in progress in"
                            + " this browser session. Nothing was stored.",
                    "Start again", restartUrl(request, name, authorization.next()));
        }
        if (authorization.isExpiredAt(clock.instant(), found.get().config().pendingAuthorizationTimeout())) {
            return expired(request, name, authorization);
        }
        String code = verifier == null ? "" : verifier.strip();
        if (code.isEmpty() || code.length() > MAX_VERIFIER_LENGTH) {
            return new FlowOutcome.Redirect(paths.verifierPath(request.contextPath(), name));
        }
        return exchange(request, name, found.get(), authorization, code);
    }

    /**
     * Exchanges an approved pending authorization for an access token, after removing it (so that
     * this happens once), stores the token and sends the user on.
     */
    private FlowOutcome exchange(RequestBase request, String name, FlowConsumer consumer,
                                 PendingAuthorization authorization, String verifier) {
        if (!pending.remove(authorization)) {
            return notPending(request, name);
        }
        OAuthConsumerConfig config = consumer.config();
        AccessToken accessToken;
        try {
            accessToken = consumer.endpoints().accessToken(authorization.requestToken(), verifier);
        } catch (OAuthException e) {
            return providerFailure(request, name, "an access token", authorization.next(), e);
        }
        tokens.store(name, accessToken);
        monitor.flow(name, Monitor.FlowEvent.COMPLETED);
        events.accept(new AccessTokenObtained(name, accessToken));
        String nextUrl = request.contextPath() + authorization.next();
        if (config.successPage() == null) {
            return new FlowOutcome.Redirect(nextUrl);
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(FlowPageAttributes.CONSUMER_NAME, name);
        attributes.put(FlowPageAttributes.ACCESS_TOKEN, accessToken.token());
        attributes.put(FlowPageAttributes.NEXT_URL, nextUrl);
        return new FlowOutcome.Forward(config.successPage(), 200, attributes);
    }

    /**
     * The configured authorization URL with its placeholders filled in and, unless it places the
     * request token itself, {@code oauth_token} added to its query.
     */
    private static String authorizationUrl(OAuthConsumerConfig config, String requestToken) {
        AuthorizationUrlTemplate template = AuthorizationUrlTemplate.parse(config.authorizationUrl());
        String url = template.expand(requestToken, config.consumerKey());
        return template.hasTokenPlaceholder() ? url : authorizationUrl(url, requestToken);
    }

    /**
     * The configured authorization URL with {@code oauth_token} added to its query (keeping what
     * the query already has, and any fragment).
     */
    static String authorizationUrl(String configured, String requestToken) {
        int hash = configured.indexOf('#');
        String base = hash < 0 ? configured : configured.substring(0, hash);
        String fragment = hash < 0 ? "" : configured.substring(hash);
        String separator = base.indexOf('?') < 0 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + separator + OAuthParameterNames.TOKEN + "=" + PercentEncoding.encode(requestToken) + fragment;
    }

    private String callbackUrl(RequestBase request, String name, OAuthConsumerConfig config) {
        if (config.callbackUrl() != null) {
            return config.callbackUrl();
        }
        if (config.publicBaseUrl() != null) {
            String base = config.publicBaseUrl();
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + paths.callbackPath("", name);
        }
        return request.origin() + paths.callbackPath(request.contextPath(), name);
    }

    private FlowOutcome refused(RequestBase request, String name, OAuthConsumerConfig config,
                                PendingAuthorization authorization, String problem) {
        if (config.refusedUrl() != null) {
            String url = config.refusedUrl();
            return new FlowOutcome.Redirect(url.startsWith("/") ? request.contextPath() + url : url);
        }
        String restart = restartUrl(request, name, authorization.next());
        if (config.refusedPage() != null) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put(FlowPageAttributes.CONSUMER_NAME, name);
            attributes.put(FlowPageAttributes.PROBLEM, problem);
            attributes.put(FlowPageAttributes.NEXT_URL, request.contextPath() + authorization.next());
            attributes.put(FlowPageAttributes.RESTART_URL, restart);
            return new FlowOutcome.Forward(config.refusedPage(), 403, attributes);
        }
        return new FlowOutcome.Page(403, "Access not granted",
                "Access to your account at '" + name + "' was not granted"
                        + (problem == null ? "." : " (" + problem + ")."),
                "Try again", restart);
    }

    /** Forgets an expired pending authorization; a 403 page. */
    private FlowOutcome expired(RequestBase request, String name, PendingAuthorization authorization) {
        pending.remove(authorization);
        return new FlowOutcome.Page(403, "Authorization expired",
                "The authorization at '" + name + "' was started too long ago. Nothing was stored.",
                "Start again", restartUrl(request, name, authorization.next()));
    }

    private FlowOutcome noneInProgress(RequestBase request, String name) {
        return new FlowOutcome.Page(403, "No authorization in progress",
                "No authorization at '" + name + "' is in progress in this browser session: it was completed"
                        + " already, it expired, or it was started elsewhere. Nothing was stored.",
                "Start again", restartUrl(request, name, NextUrl.ROOT));
    }

    private FlowOutcome notPending(RequestBase request, String name) {
        return new FlowOutcome.Page(403, "No authorization in progress",
                "The provider '" + name + "' sent you back, but no authorization is in progress in this browser"
                        + " session: it was completed already, or started elsewhere. Nothing was stored.",
                "Start again", restartUrl(request, name, NextUrl.ROOT));
    }

    /** A consumer with a callback has no verifier page. */
    private static FlowOutcome noVerifierPage() {
        return new FlowOutcome.Page(404, "Not found", "There is no such page of the OAuth authorization flow.", null, null);
    }

    private static FlowOutcome unknownConsumer(String name) {
        return new FlowOutcome.Page(404, "Unknown OAuth provider",
                "This application cannot authorize access at an OAuth provider called '" + name + "'.", null, null);
    }

    private FlowOutcome providerFailure(RequestBase request, String name, String step, String next, OAuthException e) {
        boolean timedOut = e instanceof OAuthProviderException failure && failure.isTimedOut();
        monitor.flow(name, Monitor.FlowEvent.FAILED);
        long others = PROVIDER_FAILURE_LOG.tryPass();
        if (others >= 0) {
            LOG.log(Level.WARNING, "OAuth flow for ''{0}'' failed while obtaining {1}: {2} ({3} more failures since the"
                    + " last such line; logged at most once a minute)", new Object[] {name, step, e.getMessage(), others});
        }
        return new FlowOutcome.Page(timedOut ? 504 : 502,
                timedOut ? "The provider did not answer in time" : "The provider could not be used",
                "Obtaining " + step + " from '" + name + "' failed: " + e.getMessage() + ". Nothing was stored.",
                "Try again", restartUrl(request, name, next));
    }

    private String restartUrl(RequestBase request, String name, String next) {
        return paths.authorizePath(request.contextPath(), name, next);
    }

    /**
     * What the flow needs of the current request.
     *
     * @param origin      {@code scheme://host[:port]} as the client addressed this server
     * @param contextPath the application's context path, empty for the root application
     */
    record RequestBase(String origin, String contextPath) {
    }

    /**
     * A consumer that can run the flow.
     *
     * @param config    its configuration, with the three endpoint URLs
     * @param endpoints its token endpoints
     */
    record FlowConsumer(OAuthConsumerConfig config, TokenEndpoints endpoints) {
    }

    /**
     * The query parameters of a callback.
     *
     * @param token    {@code oauth_token}, or null
     * @param verifier {@code oauth_verifier}, or null
     * @param problem  {@code oauth_problem}, or null
     * @param denied   {@code denied} (the request token a provider names when the user cancelled), or null
     */
    record CallbackParameters(String token, String verifier, String problem, String denied) {

        /** The request token the provider sent back, approved or not. */
        String returnedToken() {
            return token != null ? token : denied;
        }

        /** Whether the user did not approve: a problem, a denial, or no verifier. */
        boolean isRefusal() {
            return problem != null || denied != null || verifier == null || verifier.isEmpty();
        }
    }
}
