package io.github.oauthconsumer.core;

import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The protocol parameters of an incoming request, picked out of the place that carried them in
 * one pass (linear in their number, whatever the names): each known parameter gets its field, and
 * a protocol parameter sent twice is refused
 * ({@code parameter_rejected}, 400, naming it), as RFC 5849 section 3.2 asks.
 */
final class ReceivedProtocolParameters {

    private String consumerKey;
    private String token;
    private String signatureMethod;
    private String signature;
    private String timestamp;
    private String nonce;
    private String version;
    private String bodyHash;

    private ReceivedProtocolParameters() {
    }

    /** {@code oauth_consumer_key}, or null when absent. */
    String consumerKey() {
        return consumerKey;
    }

    /** {@code oauth_token}, or null when absent. */
    String token() {
        return token;
    }

    /** {@code oauth_signature_method}, or null when absent. */
    String signatureMethod() {
        return signatureMethod;
    }

    /** {@code oauth_signature}, or null when absent. */
    String signature() {
        return signature;
    }

    /** {@code oauth_timestamp}, or null when absent. */
    String timestamp() {
        return timestamp;
    }

    /** {@code oauth_nonce}, or null when absent. */
    String nonce() {
        return nonce;
    }

    /** {@code oauth_version}, or null when absent. */
    String version() {
        return version;
    }

    /** {@code oauth_body_hash}, or null when absent. */
    String bodyHash() {
        return bodyHash;
    }

    /**
     * Reads the protocol parameters of a list.
     *
     * @throws OAuthProblemException {@code parameter_rejected} when one is duplicated
     */
    static ReceivedProtocolParameters of(ParameterList parameters) {
        ReceivedProtocolParameters received = new ReceivedProtocolParameters();
        Set<String> otherNames = null;
        for (int i = 0, n = parameters.size(); i < n; i++) {
            String name = parameters.name(i);
            if (!name.startsWith(OAuthParameterNames.PREFIX)) {
                continue;
            }
            String value = parameters.value(i);
            switch (name) {
                case OAuthParameterNames.CONSUMER_KEY -> received.consumerKey = once(name, received.consumerKey, value);
                case OAuthParameterNames.TOKEN -> received.token = once(name, received.token, value);
                case OAuthParameterNames.SIGNATURE_METHOD ->
                        received.signatureMethod = once(name, received.signatureMethod, value);
                case OAuthParameterNames.SIGNATURE -> received.signature = once(name, received.signature, value);
                case OAuthParameterNames.TIMESTAMP -> received.timestamp = once(name, received.timestamp, value);
                case OAuthParameterNames.NONCE -> received.nonce = once(name, received.nonce, value);
                case OAuthParameterNames.VERSION -> received.version = once(name, received.version, value);
                case OAuthParameterNames.BODY_HASH -> received.bodyHash = once(name, received.bodyHash, value);
                default -> {
                    // a set, not a count per name: any number of made-up oauth_* names costs linear time
                    if (otherNames == null) {
                        otherNames = new HashSet<>();
                    }
                    if (!otherNames.add(name)) {
                        throw duplicated(name);
                    }
                }
            }
        }
        return received;
    }

    private static String once(String name, String current, String value) {
        if (current != null) {
            throw duplicated(name);
        }
        return value;
    }

    private static OAuthProblemException duplicated(String name) {
        return new OAuthProblemException(OAuthProblem.PARAMETER_REJECTED, OAuthProblem.PARAMETER_REJECTED.status(),
                name + " is duplicated", Map.of(OAuthParameterNames.PARAMETERS_REJECTED, name));
    }
}
