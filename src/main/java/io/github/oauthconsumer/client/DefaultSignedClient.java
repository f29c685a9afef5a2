package io.github.oauthconsumer.client;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.NoAccessTokenException;
import io.github.oauthconsumer.api.OAuthException;
import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.api.SignedRequest;
import io.github.oauthconsumer.core.Monitor;
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
 * provider wants that instead (a {@code reactivate-url}); each time the request is then sent again.
 */
final class DefaultSignedClient implements SignedClient {

    private final String name;
    private final Client client;
    private final TokenEndpoints endpoints;
    private final CurrentUserTokens tokens;
    private final TokenRenewals renewals;
    private final Clock clock;
    private final Monitor monitor;

    DefaultSignedClient(String name, Client client, TokenEndpoints endpoints, CurrentUserTokens tokens,
                        TokenRenewals renewals, Clock clock, Monitor monitor) {
        this.name = name;
        this.client = client;
        this.endpoints = endpoints;
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
        Response response = exchange(request, token.current);
        if (isExpiredTokenAnswer(response, token)) {
            response.close();
            token.renew();
        } else if (isIdleTokenAnswer(response, token)) {
            response.close();
            token.reactivate();
        } else {
            return checked(response);
        }
        return checked(exchange(request, token.current));
    }

    @Override
    public CompletionStage<Response> sendAsync(SignedRequest request) {
        TokenInUse token;
        try {
            token = tokenFor(request);
        } catch (OAuthException e) {
            return CompletableFuture.failedFuture(e);
        }
        Entity<?> entity = entity(request);
        URI url = URI.create(url(request));
        Invocation.Builder invocation = invocation(url, request, token.current);
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
                .thenCompose(response -> {
                    watched.answered(response.getStatus());
                    if (isExpiredTokenAnswer(response, token)) {
                        response.close();
                        token.renew();
                    } else if (isIdleTokenAnswer(response, token)) {
                        response.close();
                        token.reactivate();
                    } else {
                        return CompletableFuture.completedFuture(checked(response));
                    }
                    return CompletableFuture.completedFuture(checked(exchange(request, token.current)));
                });
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

    private Response exchange(SignedRequest request, AccessToken token) {
        Entity<?> entity = entity(request);
        URI url = URI.create(url(request));
        return ProviderCalls.send(monitor, name, Monitor.Endpoint.API_CALL, request.method(), url,
                request.method() + " " + request.url(), () -> entity == null
                        ? invocation(url, request, token).method(request.method())
                        : invocation(url, request, token).method(request.method(), entity));
    }

    private Invocation.Builder invocation(URI url, SignedRequest request, AccessToken token) {
        Invocation.Builder builder = client.target(url).request();
        request.headers().forEach((header, values) -> values.forEach(value -> builder.header(header, value)));
        return builder.property(OAuthSigningFilter.TOKEN_PROPERTY, token);
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

    private boolean isExpiredTokenAnswer(Response response, TokenInUse token) {
        if (response.getStatus() != 401 || token.current == null || !token.current.isRenewable() || token.renewed) {
            return false;
        }
        OAuthException error = ProviderCalls.errorAnswer(response);
        return error instanceof OAuthProblemException problem && problem.problem().equals(OAuthProblem.TOKEN_EXPIRED);
    }

    /**
     * A 401 that says the token is idle (the consumer's {@code reactivate-problem}), for a consumer
     * with a {@code reactivate-url}, not yet reactivated for this request.
     */
    private boolean isIdleTokenAnswer(Response response, TokenInUse token) {
        return response.getStatus() == 401 && token.current != null && !token.reactivated && endpoints.reactivates()
                && ProviderCalls.namesProblem(response, endpoints.idleTokenProblem());
    }

    private static Response checked(Response response) {
        int status = response.getStatus();
        if (status == 401) {
            OAuthException error = ProviderCalls.errorAnswer(response);
            response.close();
            throw error;
        }
        if (status == 400) {
            OAuthException error = ProviderCalls.errorAnswer(response);
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

    /** The token one request signs with, renewed at most once. */
    private final class TokenInUse {
        private AccessToken current;
        private final boolean fromStore;
        private boolean renewed;
        private boolean reactivated;

        TokenInUse(AccessToken current, boolean fromStore) {
            this.current = current;
            this.fromStore = fromStore;
        }

        /** Renews the token, or takes the renewal another caller made of the same token at the same time. */
        void renew() {
            AccessToken previous = current;
            TokenRenewals.Renewed next = renewals.renew(name, previous, () -> endpoints.renew(previous));
            renewed = true;
            current = next.token();
            tokens.renewed(name, previous, next.token(), fromStore, next.here());
        }

        /** Reactivates the idle token, which stays the same; once per request. */
        void reactivate() {
            reactivated = true;
            endpoints.reactivate(current);
        }
    }
}
