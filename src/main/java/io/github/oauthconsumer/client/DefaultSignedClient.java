package io.github.oauthconsumer.client;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.NoAccessTokenException;
import io.github.oauthconsumer.api.OAuthException;
import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.api.SignedRequest;
import io.github.oauthconsumer.monitoring.Monitor;
import io.github.oauthconsumer.core.ParameterList;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The {@link SignedClient} of one consumer: sends requests through a JAX-RS client whose
 * {@link OAuthSigningFilter} signs them, maps provider errors, renews expired tokens once per
 * request with the OAuth Session handle (through {@link TokenRenewals}, so that callers that find
 * the same token expired share one renewal), and reactivates idle tokens once per request where the
 * provider wants that instead (a {@code reactivate-url}), and takes the token that replaced the one
 * it sent when the provider rejects that one because another caller renewed it in the meantime; each
 * time the request is then sent again, once. A refusal that shows the local clock is off corrects it
 * and sends the request once more ({@link ClockSkewCorrection}; every request of this client has a
 * body that can be sent again: a form or bytes). A provider's problem report carries the diagnosis
 * of what was signed ({@link SignedAttempt}).
 */
final class DefaultSignedClient implements SignedClient {

    private final String name;
    private final Client client;
    private final TokenEndpoints endpoints;
    private final CurrentUserTokens tokens;
    private final TokenRenewals renewals;
    private final Clock clock;
    private final ClockSkewCorrection clockCorrection;
    private final Monitor monitor;

    DefaultSignedClient(String name, Client client, TokenEndpoints endpoints, CurrentUserTokens tokens,
                        TokenRenewals renewals, Clock clock, Monitor monitor) {
        this.name = name;
        this.client = client;
        this.endpoints = endpoints;
        this.clockCorrection = new ClockSkewCorrection(endpoints.consumer());
        this.tokens = tokens;
        this.renewals = renewals;
        this.clock = clock;
        this.monitor = monitor;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Response send(SignedRequest request) {
        TokenInUse token = tokenFor(request);
        SignedAttempt attempt = new SignedAttempt();
        return afterAnswer(request, token, attempt, exchange(request, token.current, attempt));
    }

    @Override
    public CompletionStage<Response> sendAsync(SignedRequest request) {
        TokenInUse token;
        try {
            token = tokenFor(request);
        } catch (OAuthException e) {
            return CompletableFuture.failedFuture(e);
        }
        SignedAttempt attempt = new SignedAttempt();
        Entity<?> entity = entity(request);
        URI url = URI.create(url(request));
        Invocation.Builder invocation = invocation(url, request, token.current, attempt);
        Monitor.ProviderCall watched = monitor.providerCall(name, Monitor.Endpoint.API_CALL, request.method(),
                url.getHost(), ProviderCalls.port(url));
        CompletionStage<Response> sent = entity == null ? invocation.rx().method(request.method())
                : invocation.rx().method(request.method(), entity);
        return sent
                .exceptionally(failure -> {
                    OAuthProviderException unreachable = ProviderCalls.unreachable(name, request.method() + " "
                            + request.url(), unwrap(failure));
                    watched.failed(unreachable.isTimedOut());
                    throw unreachable;
                })
                .thenApply(response -> {
                    watched.answered(response.getStatus());
                    return afterAnswer(request, token, attempt, response);
                });
    }

    /**
     * The answer to the caller: a refusal that a corrected clock or a mended token may turn into an
     * acceptance sent again (each at most once), then provider errors thrown with the diagnosis of
     * what was signed.
     */
    private Response afterAnswer(SignedRequest request, TokenInUse token, SignedAttempt attempt, Response first) {
        Response response = first;
        if (clockCorrection.retries(response)) {
            response.close();
            response = exchange(request, token.current, attempt);
        }
        if (token.mended(response)) {
            response = exchange(request, token.current, attempt);
        }
        return checked(response, attempt);
    }

    @Override
    public WebTarget target(String url) {
        return client.target(URI.create(url));
    }

    @Override
    public WebTarget target(String url, AccessToken token) {
        return client.target(URI.create(url)).property(OAuthSigningFilter.TOKEN_PROPERTY, Objects.requireNonNull(token, "token"));
    }

    @Override
    public Optional<AccessToken> currentAccessToken() {
        return tokens.find(name);
    }

    private TokenInUse tokenFor(SignedRequest request) {
        AccessToken token = switch (request.tokenChoice()) {
            case NONE -> null;
            case GIVEN -> request.token();
            case CURRENT_USER -> tokens.find(name).orElseThrow(() -> new NoAccessTokenException(name));
        };
        TokenInUse inUse = new TokenInUse(token, request.tokenChoice() == SignedRequest.TokenChoice.CURRENT_USER);
        if (token != null && token.isRenewable() && token.isExpiredAt(clock.instant())) {
            inUse.renew();
        }
        return inUse;
    }

    private Response exchange(SignedRequest request, AccessToken token, SignedAttempt attempt) {
        Entity<?> entity = entity(request);
        URI url = URI.create(url(request));
        return ProviderCalls.send(monitor, name, Monitor.Endpoint.API_CALL, request.method(), url,
                request.method() + " " + request.url(), () -> entity == null
                        ? invocation(url, request, token, attempt).method(request.method())
                        : invocation(url, request, token, attempt).method(request.method(), entity));
    }

    private Invocation.Builder invocation(URI url, SignedRequest request, AccessToken token, SignedAttempt attempt) {
        Invocation.Builder builder = client.target(url).request();
        request.headers().forEach((header, values) -> values.forEach(value -> builder.header(header, value)));
        return builder.property(OAuthSigningFilter.TOKEN_PROPERTY, token).property(SignedAttempt.PROPERTY, attempt);
    }

    private static String url(SignedRequest request) {
        if (request.queryParameters().isEmpty()) {
            return request.url();
        }
        String query = ParameterList.of(request.queryParameters()).toFormEncoded();
        String url = request.url();
        return url + (url.indexOf('?') < 0 ? "?" : url.endsWith("?") || url.endsWith("&") ? "" : "&") + query;
    }

    private static Entity<?> entity(SignedRequest request) {
        if (!request.formParameters().isEmpty()) {
            Form form = new Form();
            request.formParameters().forEach((name, values) -> values.forEach(value -> form.param(name, value)));
            return Entity.form(form);
        }
        byte[] body = request.body();
        return body == null ? null : Entity.entity(body, request.mediaType());
    }

    private static boolean names(Response response, OAuthProblem problem) {
        return ProviderCalls.errorAnswer(response) instanceof OAuthProblemException reported && reported.problem().equals(problem);
    }

    private static Response checked(Response response, SignedAttempt attempt) {
        int status = response.getStatus();
        if (status == 401) {
            OAuthException error = ProviderCalls.errorAnswer(response, attempt);
            response.close();
            throw error;
        }
        if (status == 400) {
            OAuthException error = ProviderCalls.errorAnswer(response, attempt);
            if (error instanceof OAuthProblemException) {
                response.close();
                throw error;
            }
        }
        return response;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    @Override
    public String toString() {
        return "SignedClient[" + name + "]";
    }

    /** The token one request signs with, mended at most once when the provider refuses it. */
    private final class TokenInUse {
        private AccessToken current;
        private final boolean fromStore;
        private boolean mended;

        TokenInUse(AccessToken current, boolean fromStore) {
            this.current = current;
            this.fromStore = fromStore;
        }

        /**
         * Whether the provider's answer is a refusal of this token that can be mended, mended now,
         * so that the request is to be sent again with {@link #current}: an expired token renewed
         * (OAuth Session), an idle token reactivated (the consumer's {@code reactivate-url}), or a
         * token already replaced by another caller's renewal or flow (whatever the provider says of
         * a token it replaced: {@code token_rejected}, {@code token_revoked} or a bare 401). Once per
         * request; any other answer is left as it is, readable.
         */
        boolean mended(Response response) {
            if (mended || current == null || response.getStatus() != 401) {
                return false;
            }
            Optional<AccessToken> replacement;
            if (current.isRenewable() && names(response, OAuthProblem.TOKEN_EXPIRED)) {
                response.close();
                renew();
            } else if (endpoints.reactivates() && ProviderCalls.namesProblem(response, endpoints.idleTokenProblem())) {
                response.close();
                endpoints.reactivate(current);
            } else if ((replacement = replacement()).isPresent()) {
                response.close();
                current = replacement.get();
            } else {
                return false;
            }
            mended = true;
            return true;
        }

        /** Renews the token, or takes the renewal another caller made of the same token at the same time. */
        void renew() {
            AccessToken previous = current;
            TokenRenewals.Renewed next = renewals.renew(name, previous, () -> endpoints.renew(previous));
            mended = true;
            current = next.token();
            tokens.renewed(name, previous, next.token(), fromStore, next.here());
        }

        /**
         * The token that took this one's place: the renewal another caller made of it (the provider
         * revoked this one when it renewed it), or, for the user's token, the one the store now holds.
         */
        private Optional<AccessToken> replacement() {
            Optional<AccessToken> renewed = current.isRenewable() ? renewals.renewalOf(name, current) : Optional.empty();
            if (renewed.isPresent() || !fromStore) {
                return renewed;
            }
            return tokens.find(name).filter(stored -> !stored.token().equals(current.token()));
        }
    }
}
