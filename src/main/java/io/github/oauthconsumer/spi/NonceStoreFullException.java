package io.github.oauthconsumer.spi;

import io.github.oauthconsumer.api.OAuthException;

/**
 * A {@link NonceStore} cannot remember one more nonce. The request is refused with
 * {@code 503 Service Unavailable} and a {@code Retry-After} header: forgetting older nonces instead
 * would let replays in.
 */
public class NonceStoreFullException extends OAuthException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /**
     * @param message           what is full, for the log; never a nonce or a key
     * @param retryAfterSeconds when a retry may succeed, in seconds; 0 when unknown
     */
    public NonceStoreFullException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** When a retry may succeed, in seconds from now; 0 when unknown. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
