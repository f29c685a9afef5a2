package io.github.oauthconsumer.core;

/**
 * What a successful verification established: who signed, with which method and nonce, and every
 * parameter that the signature covers (query, form and protocol parameters, without
 * {@code oauth_signature}).
 *
 * @param consumerKey     the verified {@code oauth_consumer_key}
 * @param token           the {@code oauth_token}, or null for a 2-legged request
 * @param signatureMethod the {@code oauth_signature_method}
 * @param timestamp       the {@code oauth_timestamp}, or 0 when PLAINTEXT omitted it
 * @param nonce           the {@code oauth_nonce}, or null when PLAINTEXT omitted it
 * @param parameters      every signed parameter, in the order received
 */
public record VerifiedRequest(String consumerKey, String token, String signatureMethod, long timestamp,
                              String nonce, ParameterList parameters) {

    /** Takes a copy of the parameters. */
    public VerifiedRequest {
        parameters = parameters.copy();
    }

    /** A copy of the signed parameters. */
    @Override
    public ParameterList parameters() {
        return parameters.copy();
    }
}
