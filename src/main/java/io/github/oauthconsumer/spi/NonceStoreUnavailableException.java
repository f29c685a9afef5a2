package io.github.oauthconsumer.spi;

import io.github.oauthconsumer.api.OAuthException;

/**
 * A {@link NonceStore} cannot tell whether a nonce is new: it is full, or the shared cache behind
 * it cannot be reached. The request is refused with {@code 503 Service Unavailable} and a
 * {@code Retry-After} header, never let in: accepting a request whose nonce was not recorded would
 * let its replay in too.
 */
public class NonceStoreUnavailableException extends OAuthException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /**
     * @param message           what is unavailable, for the log; never a nonce or a key
     * @param retryAfterSeconds when a retry may succeed, in seconds; 0 when unknown
     */
    public NonceStoreUnavailableException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * @param message           what is unavailable, for the log; never a nonce or a key
     * @param retryAfterSeconds when a retry may succeed, in seconds; 0 when unknown
     * @param cause             the store's failure
     */
    public NonceStoreUnavailableException(String message, long retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** When a retry may succeed, in seconds from now; 0 when unknown. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
