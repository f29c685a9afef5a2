package io.github.oauthconsumer.api;

/**
 * A service provider could not be used: it could not be reached in time, or it answered with
 * something that is not a valid OAuth response and names no OAuth problem. When the provider
 * names a problem, {@link OAuthProblemException} is thrown instead.
 */
public class OAuthProviderException extends OAuthException {

    private static final long serialVersionUID = 1L;

    private final int providerStatus;
    private final boolean timedOut;

    /** The provider answered with HTTP {@code providerStatus} and something unusable. */
    public OAuthProviderException(String message, int providerStatus) {
        this(message, providerStatus, false, null);
    }

    /**
     * A provider failure.
     *
     * @param providerStatus the provider's HTTP status, or 0 when none was received
     * @param timedOut       whether the provider did not answer within the configured timeouts
     */
    public OAuthProviderException(String message, int providerStatus, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.providerStatus = providerStatus;
        this.timedOut = timedOut;
    }

    /** The provider's HTTP status, or 0 when it could not be reached or did not answer in time. */
    public int providerStatus() {
        return providerStatus;
    }

    /** Whether the provider did not answer within the configured timeouts. */
    public boolean isTimedOut() {
        return timedOut;
    }
}
