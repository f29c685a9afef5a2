package io.github.oauthconsumer.client;

import io.github.oauthconsumer.api.OAuthException;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.OAuthProviderException;
import io.github.oauthconsumer.core.ProviderErrors;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs one HTTP exchange with a provider and turns transport failures into
 * {@link OAuthProviderException} (timeouts flagged as such) and error answers into the engine's
 * problem exceptions.
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
