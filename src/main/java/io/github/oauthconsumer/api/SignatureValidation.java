package io.github.oauthconsumer.api;

/**
 * Checks the signature of the current HTTP request where {@link ValidateSignature} cannot be put:
 * a servlet, a filter, a Faces bean, anything that is not a JAX-RS resource. Inject it and ask
 * before anything reads the request's parameters or body:
 *
 * <pre>
 * &#64;Inject SignatureValidation signatures;
 *
 * protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
 *     ValidatedRequest launch;
 *     try {
 *         launch = signatures.validate("lti");
 *     } catch (OAuthProblemException refused) {
 *         response.sendError(refused.status(), refused.problem().code());
 *         return;
 *     }
 *     String user = request.getParameter("user_id");   // the verified value
 *     ...
 * }
 * </pre>
 *
 * The check is the one {@link ValidateSignature} runs, with the same configuration
 * ({@code oauth1.<name>.*}), nonces and timestamp window. The body stays readable: afterwards
 * {@code getParameter}, {@code getInputStream} and {@code getReader} of the request the application
 * was given answer exactly what was verified. To have requests refused before your code runs, with
 * the same answers as {@link ValidateSignature} (challenge, Problem Reporting body or the
 * invalid-signature page), list their paths in {@code oauth1.<name>.validate-paths} instead.
 */
public interface SignatureValidation {

    /**
     * Checks the current request's signature for a consumer name. Asking again for a request this
     * name accepted answers the same without checking twice.
     *
     * @param consumerName the consumer name; it must be configured
     * @return what was verified; also injectable as {@link ValidatedRequest} for the rest of the request
     * @throws OAuthProblemException when the request is refused: {@link OAuthProblemException#status()}
     *                               is the status to answer (400 or 401 with the problem RFC 5849
     *                               gives it; 413 or 415 with {@code parameter_rejected} for a body
     *                               too large or in an unknown charset; 503 with
     *                               {@code consumer_key_refused} when the nonce store is full)
     * @throws IllegalStateException when there is no current HTTP request, when the name is not
     *                               usable (the message names the keys to fix), or when the
     *                               request's body or parameters were read before this call
     */
    ValidatedRequest validate(String consumerName);
}
