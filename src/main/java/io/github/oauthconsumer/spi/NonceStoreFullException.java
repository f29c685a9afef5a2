package io.github.oauthconsumer.spi;

/**
 * A {@link NonceStore} cannot remember one more nonce. The request is refused with
 * {@code 503 Service Unavailable} and a {@code Retry-After} header: forgetting older nonces instead
 * would let replays in.
 */
public class NonceStoreFullException extends NonceStoreUnavailableException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message           what is full, for the log; never a nonce or a key
     * @param retryAfterSeconds when a retry may succeed, in seconds; 0 when unknown
     */
    public NonceStoreFullException(String message, long retryAfterSeconds) {
        super(message, retryAfterSeconds);
    }
}
