package io.github.oauthconsumer.api;

/**
 * The current user has no access token for a consumer: the authorization flow has to run first.
 * {@link RequireAccessToken} turns this into a redirect to the flow (or a 401 for non-browser
 * requests); elsewhere the application decides.
 */
public class NoAccessTokenException extends OAuthException {

    private static final long serialVersionUID = 1L;

    private final String consumerName;

    /** The user has no token for the consumer with this name. */
    public NoAccessTokenException(String consumerName) {
        super("no access token for OAuth consumer '" + consumerName + "'");
        this.consumerName = consumerName;
    }

    /** The consumer name. */
    public String consumerName() {
        return consumerName;
    }
}
