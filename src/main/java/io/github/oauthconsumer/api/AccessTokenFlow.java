package io.github.oauthconsumer.api;

/**
 * The access-token flow for code that drives it itself, where {@link RequireAccessToken} does not
 * fit: a servlet, a Faces action, a link on a page, a "disconnect" button. Inject it:
 *
 * <pre>
 * &#64;Inject AccessTokenFlow flow;
 *
 * public String connect() {                 // a Faces action
 *     if (!flow.hasAccessToken("jira")) {
 *         flow.start("jira", "/issues.xhtml");   // to the provider, then back to /issues.xhtml
 *         return null;
 *     }
 *     return "issues";
 * }
 * </pre>
 *
 * It starts the same flow as {@link RequireAccessToken}, at {@code <context>/oauth1/<name>/authorize};
 * the consumer name must be configured with the three endpoint URLs. "The current user" is whoever
 * the application's token store says (the HTTP session by default).
 */
public interface AccessTokenFlow {

    /**
     * The URL that starts the flow: an absolute path on this server, with the application's context
     * path, such as {@code /app/oauth1/jira/authorize?next=%2Fissues}. Put it in a link or redirect to it.
     *
     * @param consumerName the consumer name
     * @param next         where the user goes back to afterwards: a path inside the application, such
     *                     as {@code /issues?mine=true}; null (or anything that is not such a path,
     *                     which could lead elsewhere) means the application's root
     * @throws IllegalStateException when the name has no request-token, authorization and
     *                               access-token URLs (the message names the keys)
     */
    String startUrl(String consumerName, String next);

    /**
     * Sends the current user to {@link #startUrl}: in a Faces request through the Faces redirect
     * (the page is then not rendered), otherwise with a {@code 303 See Other} on the current
     * servlet response, which must not be written to afterwards.
     *
     * @throws IllegalStateException outside an HTTP request, when the response is already
     *                               committed, or when the name cannot run the flow
     */
    void start(String consumerName, String next);

    /** Whether the current user has an access token for the consumer; false outside a request. */
    boolean hasAccessToken(String consumerName);

    /**
     * Forgets the current user's access token for the consumer. When
     * {@code oauth1.<name>.revocation-url} is configured and there was a token, it is then revoked
     * at the provider: a POST with an empty form body, signed with the token. A 2xx answer, or an
     * {@code oauth_problem} saying the token is already unusable ({@code token_revoked},
     * {@code token_rejected}, {@code token_expired}, {@code token_used}), is a success.
     *
     * @throws OAuthException when the provider refused the revocation or could not be reached; the
     *                        token is forgotten here all the same
     */
    void disconnect(String consumerName);
}
