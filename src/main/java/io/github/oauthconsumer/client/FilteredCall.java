package io.github.oauthconsumer.client;

import io.github.oauthconsumer.api.OAuthException;
import io.github.oauthconsumer.config.ConsumerDefinition;
import io.github.oauthconsumer.core.ProviderErrors;
import io.github.oauthconsumer.monitoring.Monitor;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;

/**
 * A call that {@link OAuthSigningFilter} signed for a client of the application (a MicroProfile
 * Rest Client interface, a JAX-RS client the filter is registered on, {@code SignedClient.target}),
 * not for one of the library's own exchanges, which report, diagnose and retry by themselves. The
 * filter cannot send such a call again, so it does what it can from the answer: reports the call to
 * the {@link Monitor} (its duration and status, as an {@code api_call}), and, when the provider
 * refuses it, corrects the consumer's clock for the next requests ({@link ClockSkewCorrection#learns})
 * and logs the diagnosis of what was signed at {@code FINE} ({@link SignedAttempt}). The application
 * reads the answer unchanged: the part of the body read for that is put back in front of the rest.
 * A call that gets no answer (a timeout, a refused connection) never reaches a response filter, so
 * it is not reported here.
 */
final class FilteredCall {

    /** The request property that carries the call from the request filter to the response filter. */
    static final String PROPERTY = "io.github.oauthconsumer.filtered-call";
    /** At most this much of a refusal's body is read: problem reports are short. */
    private static final int MAX_READ = 16 * 1024;

    private final ConsumerDefinition consumer;
    private final Monitor.ProviderCall watched;
    private final SignedAttempt attempt = new SignedAttempt();

    FilteredCall(ConsumerDefinition consumer, Monitor.ProviderCall watched) {
        this.consumer = consumer;
        this.watched = watched;
    }

    /** Where the filter records what it signed, for a diagnosis. */
    SignedAttempt attempt() {
        return attempt;
    }

    /**
     * The provider answered: reports it, and learns from a refusal.
     *
     * @throws IOException when a refusal's body cannot be read (the application could not read it either)
     */
    void answered(ClientResponseContext response) throws IOException {
        int status = response.getStatus();
        watched.answered(status);
        if (status != 400 && status != 401) {
            return;
        }
        String body = peekBody(response);
        OAuthException error = ProviderErrors.fromResponse(status, response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE), body);
        new ClockSkewCorrection(consumer).learns(status, response.getHeaderString(HttpHeaders.DATE), error);
        attempt.explain(error, body);
    }

    /** The start of the body, as text, with the stream left whole for the application; null when there is none. */
    private static String peekBody(ClientResponseContext response) throws IOException {
        if (!response.hasEntity()) {
            return null;
        }
        InputStream entity = response.getEntityStream();
        byte[] start = entity.readNBytes(MAX_READ);
        response.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(start), entity));
        return new String(start, StandardCharsets.UTF_8);
    }

    /** Names the consumer only. */
    @Override
    public String toString() {
        return "FilteredCall[" + consumer.name() + "]";
    }
}
