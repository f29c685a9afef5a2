package io.github.oauthconsumer.client;

import io.github.oauthconsumer.api.OAuthException;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.monitoring.Monitor;
import io.github.oauthconsumer.core.ProviderErrors;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.net.ConnectException;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs one HTTP exchange with a provider and turns transport failures into
 * {@link OAuthProviderException} (timeouts flagged as such) and error answers into the engine's
 * problem exceptions; reports each exchange to the {@link Monitor} (its duration and outcome).
 */
final class ProviderCalls {

    private ProviderCalls() {
    }

    /** Runs an exchange; a provider that cannot be reached becomes an {@link OAuthProviderException}. */
    static <T> T call(String consumerName, String what, Supplier<T> exchange) {
        try {
            return exchange.get();
        } catch (ProcessingException e) {
            throw unreachable(consumerName, what, e);
        }
    }

    /**
     * Sends a request to a provider and reports it to the monitor: the status of the answer, or the
     * timeout or failure to reach the provider (then thrown as an {@link OAuthProviderException}).
     *
     * @param monitor      where the call is reported
     * @param consumerName the consumer
     * @param endpoint     which endpoint of the provider
     * @param method       the HTTP method
     * @param url          the URL called (only its host and port are reported)
     * @param what         the step, for the exception's message
     * @param exchange     sends the request
     */
    static Response send(Monitor monitor, String consumerName, Monitor.Endpoint endpoint, String method, URI url,
                         String what, Supplier<Response> exchange) {
        Monitor.ProviderCall watched = monitor.providerCall(consumerName, endpoint, method, url.getHost(), port(url));
        Response response;
        try {
            response = exchange.get();
        } catch (ProcessingException e) {
            OAuthProviderException failure = unreachable(consumerName, what, e);
            watched.failed(failure.isTimedOut());
            throw failure;
        } catch (RuntimeException e) {
            watched.failed(false);
            throw e;
        }
        watched.answered(response.getStatus());
        return response;
    }

    /** The port of a URL, the scheme's default when it names none. */
    static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** The exception for a failed exchange, naming the consumer and the step. */
    static OAuthProviderException unreachable(String consumerName, String what, Throwable failure) {
        boolean timedOut = isTimeout(failure);
        String reason = timedOut ? "did not answer in time"
                : hasCause(failure, ConnectException.class) ? "refused the connection" : "could not be reached";
        return new OAuthProviderException("OAuth provider '" + consumerName + "' " + reason + " (" + what + ")",
                0, timedOut, failure);
    }

    /** The exception for an error answer: a problem exception when it names an {@code oauth_problem}. */
    static OAuthException errorAnswer(Response response) {
        return ProviderErrors.fromResponse(response.getStatus(), response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE),
                body(response));
    }

    /**
     * The exception for an error answer to a request signed through {@code attempt}: a problem
     * exception then carries the diagnosis of what was signed.
     */
    static OAuthException errorAnswer(Response response, SignedAttempt attempt) {
        return attempt.explain(errorAnswer(response), body(response));
    }

    private static String body(Response response) {
        response.bufferEntity();
        return response.hasEntity() ? response.readEntity(String.class) : null;
    }

    /**
     * Whether an error answer names this {@code oauth_problem}: in a problem report (header or form
     * body), or, when it has none, anywhere in its body as {@code oauth_problem=<code>}. Buffers the
     * entity, so that the answer can still be read.
     */
    static boolean namesProblem(Response response, String problem) {
        OAuthException error = errorAnswer(response);
        if (error instanceof OAuthProblemException reported) {
            return reported.problem().code().equals(problem);
        }
        return response.hasEntity() && ProviderErrors.mentionsProblem(response.readEntity(String.class), problem);
    }

    private static boolean isTimeout(Throwable failure) {
        return hasCause(failure, SocketTimeoutException.class) || hasCause(failure, HttpTimeoutException.class)
                || hasCause(failure, TimeoutException.class);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
