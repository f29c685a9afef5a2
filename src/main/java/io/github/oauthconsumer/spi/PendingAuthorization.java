package io.github.oauthconsumer.spi;

import io.github.oauthconsumer.api.RequestToken;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An authorization the current user started and the provider has not yet sent back: the request
 * token (with its secret, which signs the exchange for an access token), where to send the user
 * afterwards, and when it started. Immutable and serializable, so that it can live in an HTTP
 * session or a shared cache. {@link #toString()} never shows the token secret.
 *
 * @param consumerName the consumer name
 * @param requestToken the request token the user is asked to approve
 * @param next         the path inside the application to go to afterwards, starting with {@code /}
 * @param createdAt    when the authorization started
 */
public record PendingAuthorization(String consumerName, RequestToken requestToken, String next, Instant createdAt)
        implements Serializable {

    /** Checks the fields. */
    public PendingAuthorization {
        Objects.requireNonNull(consumerName, "consumerName");
        Objects.requireNonNull(requestToken, "requestToken");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether it waited {@code timeout} or longer at {@code now}: its callback is then refused. */
    public boolean isExpiredAt(Instant now, Duration timeout) {
        return !now.isBefore(createdAt.plus(timeout));
    }

    /** Shows the consumer, the public token and the times; never the token secret. */
    @Override
    public String toString() {
        return "PendingAuthorization[consumer=" + consumerName + ", requestToken=" + requestToken.token()
                + ", secret=<hidden>, next=" + next + ", createdAt=" + createdAt + "]";
    }
}
