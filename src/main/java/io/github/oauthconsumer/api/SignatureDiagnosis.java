package io.github.oauthconsumer.api;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a service provider may have refused a request this library signed: what was signed (method,
 * normalized URL, signature method, signature base string, the parameter names and where each was
 * sent) and, when the provider returned its own base string, the first point where the two differ
 * and the likely cause. It is what a person compares with the provider's documentation or with
 * another library when the answer is {@code signature_invalid}.
 *
 * <p>Carried by {@link OAuthProblemException#diagnosis()}. The base string holds no secret (the
 * consumer secret and token secret are the signature's key, not part of what is signed), and
 * {@link #toString()} shows nothing else. Immutable.
 */
public final class SignatureDiagnosis implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int CONTEXT = 40;

    /** What most likely made the provider refuse, as far as the comparison can tell. */
    public enum Cause {
        /** The method or the URL differ: scheme, host, port, path or their encoding (RFC 5849 section 3.4.1.2). */
        URL,
        /** The parameters differ: one signed that the provider did not see, or the reverse, or a value encoded otherwise. */
        PARAMETERS,
        /** The base strings are equal: the consumer secret, the token secret or the RSA key differ. */
        SECRET,
        /** The provider refused the timestamp: a clock is off. */
        TIMESTAMP,
        /** The provider saw the nonce before: a request was sent twice. */
        NONCE,
        /** The provider does not accept the token (unknown, expired, revoked or of another consumer). */
        TOKEN,
        /** The provider sent no base string to compare with; see {@link #explanation()} for the usual causes. */
        UNKNOWN
    }

    private final String problem;
    private final String method;
    private final String normalizedUrl;
    private final String signatureMethod;
    private final String baseString;
    private final Map<String, String> parameterLocations;
    private final String providerBaseString;
    private final int firstDifference;
    private final Cause likelyCause;
    private final String explanation;

    /**
     * A diagnosis; built by the library.
     *
     * @param problem            the provider's {@code oauth_problem}
     * @param method             the HTTP method signed
     * @param normalizedUrl      the base string URI (scheme, host, port when not the default, path)
     * @param signatureMethod    the signature method, such as {@code HMAC-SHA1}
     * @param baseString         the signature base string this library signed
     * @param parameterLocations each signed parameter name, with where it was sent
     *                           ({@code Authorization header}, {@code query}, {@code form body})
     * @param providerBaseString the provider's base string, or null when it sent none
     * @param firstDifference    the index of the first character where the two base strings differ,
     *                           or -1 when they are equal or there is none to compare with
     * @param likelyCause        the likely cause
     * @param explanation        what the cause means and what to check, in one or two sentences
     */
    public SignatureDiagnosis(String problem, String method, String normalizedUrl, String signatureMethod, String baseString,
                              Map<String, String> parameterLocations, String providerBaseString, int firstDifference,
                              Cause likelyCause, String explanation) {
        this.problem = Objects.requireNonNull(problem, "problem");
        this.method = Objects.requireNonNull(method, "method");
        this.normalizedUrl = Objects.requireNonNull(normalizedUrl, "normalizedUrl");
        this.signatureMethod = Objects.requireNonNull(signatureMethod, "signatureMethod");
        this.baseString = Objects.requireNonNull(baseString, "baseString");
        this.parameterLocations = Collections.unmodifiableMap(new LinkedHashMap<>(parameterLocations));
        this.providerBaseString = providerBaseString;
        this.firstDifference = firstDifference;
        this.likelyCause = Objects.requireNonNull(likelyCause, "likelyCause");
        this.explanation = Objects.requireNonNull(explanation, "explanation");
    }

    /** The provider's {@code oauth_problem}, such as {@code signature_invalid}. */
    public String problem() {
        return problem;
    }

    /** The HTTP method signed. */
    public String method() {
        return method;
    }

    /** The base string URI: scheme and host in lower case, the port only when not the default, the path, no query. */
    public String normalizedUrl() {
        return normalizedUrl;
    }

    /** The signature method, such as {@code HMAC-SHA1}. */
    public String signatureMethod() {
        return signatureMethod;
    }

    /** The signature base string this library signed (RFC 5849 section 3.4.1). */
    public String baseString() {
        return baseString;
    }

    /** Each signed parameter name, in the order signed, with where it was sent; {@code oauth_signature} is not signed. */
    public Map<String, String> parameterLocations() {
        return parameterLocations;
    }

    /** The base string the provider says it computed, when it sent one. */
    public Optional<String> providerBaseString() {
        return Optional.ofNullable(providerBaseString);
    }

    /** Where the two base strings first differ; empty when they are equal or there is no provider base string. */
    public OptionalInt firstDifference() {
        return firstDifference < 0 ? OptionalInt.empty() : OptionalInt.of(firstDifference);
    }

    /** The likely cause. */
    public Cause likelyCause() {
        return likelyCause;
    }

    /** What the cause means and what to check. */
    public String explanation() {
        return explanation;
    }

    /** Everything above, on several lines, the difference marked with {@code ^}; no secret. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SignatureDiagnosis[").append(problem).append("]\n")
                .append("  likely cause:    ").append(likelyCause).append(": ").append(explanation).append('\n')
                .append("  request:         ").append(method).append(' ').append(normalizedUrl).append('\n')
                .append("  signature:       ").append(signatureMethod).append('\n')
                .append("  parameters:      ");
        boolean first = true;
        for (Map.Entry<String, String> parameter : parameterLocations.entrySet()) {
            text.append(first ? "" : ", ").append(parameter.getKey()).append(" (").append(parameter.getValue()).append(')');
            first = false;
        }
        text.append("\n  our base string: ").append(baseString);
        if (providerBaseString != null) {
            text.append("\n  provider's:      ").append(providerBaseString);
            if (firstDifference >= 0) {
                int from = Math.max(0, firstDifference - CONTEXT);
                text.append("\n  first difference at character ").append(firstDifference).append(":\n    ours:     ")
                        .append(excerpt(baseString, from)).append("\n    provider: ").append(excerpt(providerBaseString, from))
                        .append("\n              ").append(" ".repeat(firstDifference - from + (from > 0 ? 3 : 0))).append('^');
            }
        }
        return text.toString();
    }

    private static String excerpt(String text, int from) {
        int to = Math.min(text.length(), from + 3 * CONTEXT);
        return (from > 0 ? "..." : "") + text.substring(Math.min(from, text.length()), to) + (to < text.length() ? "..." : "");
    }
}
