package io.github.oauthconsumer.client;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthConsumerConfig;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.api.RequestToken;
import io.github.oauthconsumer.api.Token;
import io.github.oauthconsumer.config.ConfigKeys;
import io.github.oauthconsumer.config.ConsumerDefinition;
import io.github.oauthconsumer.monitoring.Monitor;
import io.github.oauthconsumer.core.OAuthParameterNames;
import io.github.oauthconsumer.core.ParameterList;
import io.github.oauthconsumer.core.TokenResponses;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The provider's token endpoints (RFC 5849 section 2), the OAuth Session extension's renewal, and
 * the reactivation of idle tokens some providers want instead (E*TRADE): signed requests to the
 * request-token, access-token and reactivation URLs, POSTs with an empty form unless the
 * consumer's {@code token-request-method} is {@code GET} (as E*TRADE documents its endpoints).
 * Where the protocol parameters go is the consumer's transport, as for any signed request. A
 * refusal that shows the local clock is off corrects it and sends the token request once more
 * ({@link ClockSkewCorrection}); a problem report carries the diagnosis of what was signed.
 * Thread-safe.
 */
public final class TokenEndpoints {

    private final ConsumerDefinition consumer;
    private final Client client;
    private final Clock clock;
    private final ClockSkewCorrection clockCorrection;
    private final Monitor monitor;

    /**
     * The endpoints of the consumer, called through its client (see {@link ConsumerClients}).
     *
     * @param monitor where each call, and each renewal, is reported
     */
    public TokenEndpoints(ConsumerDefinition consumer, Client client, Clock clock, Monitor monitor) {
        this.consumer = consumer;
        this.client = client;
        this.clock = clock;
        this.monitor = monitor;
        this.clockCorrection = new ClockSkewCorrection(consumer);
    }

    /** The consumer these endpoints are of. */
    ConsumerDefinition consumer() {
        return consumer;
    }

    /**
     * Obtains a request token with {@code oauth_callback} set to {@code callbackUrl}, sending the
     * consumer's {@code request-token-parameters} with it.
     *
     * @throws OAuthProviderException when the provider does not confirm the callback
     *                                ({@code oauth_callback_confirmed=true}), as OAuth 1.0a requires;
     *                                out of band there is no callback to confirm, and E*TRADE answers
     *                                {@code false} unless one is registered for the consumer key
     */
    public RequestToken requestToken(String callbackUrl) {
        RequestToken token = TokenResponses.requestToken(send(consumer.config().requestTokenUrl(), null,
                Map.of(OAuthParameterNames.CALLBACK, callbackUrl), requestTokenParameters(), Monitor.Endpoint.REQUEST_TOKEN, "request token"));
        if (!token.callbackConfirmed() && !OAuthConsumerConfig.OUT_OF_BAND.equals(callbackUrl)) {
            throw new OAuthProviderException("OAuth provider '" + consumer.name()
                    + "' did not confirm the callback (no oauth_callback_confirmed=true): it does not speak OAuth 1.0a", 200);
        }
        return token;
    }

    /** Exchanges an approved request token and its verifier for an access token. */
    public AccessToken accessToken(RequestToken requestToken, String verifier) {
        return TokenResponses.accessToken(send(consumer.config().accessTokenUrl(), requestToken,
                Map.of(OAuthParameterNames.VERIFIER, verifier), new ParameterList(), Monitor.Endpoint.ACCESS_TOKEN, "access token"), clock.instant());
    }

    /**
     * Renews an expired token with its session handle, signed with the expired token. A provider
     * that sends no new handle keeps the old one valid. Reports the renewal, done or failed, to the monitor.
     */
    public AccessToken renew(AccessToken expired) {
        AccessToken renewed;
        try {
            renewed = TokenResponses.accessToken(send(consumer.config().accessTokenUrl(), expired,
                    Map.of(OAuthParameterNames.SESSION_HANDLE, expired.sessionHandle()), new ParameterList(),
                    Monitor.Endpoint.RENEWAL, "token renewal"), clock.instant());
        } catch (RuntimeException failed) {
            monitor.renewal(consumer.name(), false);
            throw failed;
        }
        monitor.renewal(consumer.name(), true);
        if (renewed.sessionHandle() != null) {
            return renewed;
        }
        return new AccessToken(renewed.token(), renewed.secret(), expired.sessionHandle(), renewed.expiresAt(),
                renewed.authorizationExpiresAt(), renewed.additionalParameters());
    }

    /**
     * Revokes an access token at {@code revocation-url}: a POST with an empty form body, signed
     * with the token (as X/Twitter's {@code oauth/invalidate_token}).
     *
     * @throws IllegalStateException when no revocation URL is configured
     */
    public void revoke(AccessToken token) {
        String url = consumer.config().revocationUrl();
        if (url == null) {
            throw new IllegalStateException("OAuth consumer '" + consumer.name() + "' has no revocation URL: set "
                    + ConfigKeys.key(consumer.name(), ConfigKeys.REVOCATION_URL));
        }
        SignedAttempt attempt = new SignedAttempt();
        URI target = URI.create(url);
        Response response = ProviderCalls.send(monitor, consumer.name(), Monitor.Endpoint.REVOCATION, HttpMethod.POST,
                target, "token revocation", () -> client.target(target).request()
                        .property(OAuthSigningFilter.TOKEN_PROPERTY, token).property(SignedAttempt.PROPERTY, attempt)
                        .post(Entity.form(new Form())));
        try {
            if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                throw ProviderCalls.errorAnswer(response, attempt);
            }
        } finally {
            response.close();
        }
    }

    /** Whether the provider has a URL that reactivates idle tokens ({@code reactivate-url}). */
    public boolean reactivates() {
        return consumer.config().reactivateUrl() != null;
    }

    /** The {@code oauth_problem} with which the provider refuses an idle token ({@code reactivate-problem}). */
    public String idleTokenProblem() {
        return consumer.config().reactivateProblem();
    }

    /**
     * Reactivates an idle token at the {@code reactivate-url} (E*TRADE's {@code renew_access_token}),
     * with a request signed with that same token; the token stays as it is. Not the OAuth Session
     * extension: there is no session handle, and the answer is not read.
     *
     * @throws io.github.oauthconsumer.api.OAuthException when the provider does not answer 2xx
     */
    public void reactivate(AccessToken idle) {
        send(consumer.config().reactivateUrl(), idle, Map.of(), new ParameterList(), Monitor.Endpoint.REACTIVATION,
                "token reactivation");
    }

    /** The configured {@code request-token-parameters}, checked at deployment. */
    private ParameterList requestTokenParameters() {
        String configured = consumer.config().requestTokenParameters();
        return configured == null ? new ParameterList() : ParameterList.parseFormEncoded(configured);
    }

    /**
     * Sends a signed token request: {@code parameters} (never protocol parameters) in the query of
     * a GET, or as the form of a POST, where the signature covers them either way.
     */
    private String send(String url, Token token, Map<String, String> protocolParameters, ParameterList parameters,
                        Monitor.Endpoint endpoint, String what) {
        if (url == null) {
            throw new IllegalStateException("OAuth consumer '" + consumer.name() + "' has no URL configured for the "
                    + what + " step");
        }
        boolean get = HttpMethod.GET.equals(consumer.config().tokenRequestMethod());
        String target = !get || parameters.isEmpty() ? url
                : url + (url.indexOf('?') < 0 ? "?" : url.endsWith("?") || url.endsWith("&") ? "" : "&")
                        + parameters.toFormEncoded();
        SignedAttempt attempt = new SignedAttempt();
        URI uri = URI.create(target);
        Invocation.Builder request = client.target(uri).request()
                .property(OAuthSigningFilter.TOKEN_PROPERTY, token)
                .property(OAuthSigningFilter.PROTOCOL_PARAMETERS_PROPERTY, protocolParameters)
                .property(SignedAttempt.PROPERTY, attempt);
        Supplier<Response> exchange = () -> ProviderCalls.send(monitor, consumer.name(), endpoint,
                get ? HttpMethod.GET : HttpMethod.POST, uri, what, () -> get ? request.get() : request.post(form(parameters)));
        Response first = exchange.get();
        Response response = clockCorrection.retries(first) ? closedThen(first, exchange) : first;
        try {
            if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                throw ProviderCalls.errorAnswer(response, attempt);
            }
            return ProviderCalls.call(consumer.name(), what, () -> response.readEntity(String.class));
        } finally {
            response.close();
        }
    }

    /** Closes a refused answer and sends the request once more. */
    private static Response closedThen(Response refused, Supplier<Response> exchange) {
        refused.close();
        return exchange.get();
    }

    private static Entity<Form> form(ParameterList parameters) {
        Form form = new Form();
        for (int i = 0; i < parameters.size(); i++) {
            form.param(parameters.name(i), parameters.value(i));
        }
        return Entity.form(form);
    }
}
