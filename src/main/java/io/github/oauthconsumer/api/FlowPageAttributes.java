package io.github.oauthconsumer.api;

/**
 * Names of the request attributes the access-token flow sets before it forwards to one of the
 * application's own pages ({@code oauth1.<name>.page.authorize}, {@code page.success},
 * {@code page.refused}, {@code page.verifier}). They are valid EL names: a JSP or Facelets page reads
 * {@code ${oauth1AuthorizationUrl}}. Secrets are never among them.
 */
public final class FlowPageAttributes {

    /** Every page: the consumer name. */
    public static final String CONSUMER_NAME = "oauth1ConsumerName";
    /** Every page: where the user goes afterwards, an absolute path on this server (context path included). */
    public static final String NEXT_URL = "oauth1NextUrl";
    /**
     * Authorize and verifier pages: the provider's authorization URL with the request token; link or
     * redirect the user there (from the verifier page, open it in another window or tab).
     */
    public static final String AUTHORIZATION_URL = "oauth1AuthorizationUrl";
    /** Success page: the new access token's public {@code oauth_token} value (never its secret). */
    public static final String ACCESS_TOKEN = "oauth1AccessToken";
    /** Refused page: the {@code oauth_problem} the provider sent, or null. */
    public static final String PROBLEM = "oauth1Problem";
    /** Refused page: a URL that starts the authorization again, with the same next URL. */
    public static final String RESTART_URL = "oauth1RestartUrl";

    /**
     * Verifier page: where its form posts (method POST, an absolute path on this server), with the
     * fields {@code oauth_verifier} (the code the user pastes) and {@code csrf_token} (hidden, the
     * value of {@link #CSRF_TOKEN}).
     */
    public static final String VERIFIER_ACTION = "oauth1VerifierAction";
    /** Verifier page: the value of the form's hidden {@code csrf_token} field, which binds it to this authorization. */
    public static final String CSRF_TOKEN = "oauth1CsrfToken";

    private FlowPageAttributes() {
    }
}
