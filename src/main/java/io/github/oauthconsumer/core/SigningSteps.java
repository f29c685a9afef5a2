package io.github.oauthconsumer.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The steps of RFC 5849 section 3.4.1, one by one, for a person to read: the parameters collected
 * and percent-encoded (section 3.4.1.3.2, step 1), sorted (step 2), the normalized parameters
 * (steps 3 and 4), the base string URI (section 3.4.1.2) and the base string. The signer builds the
 * same base string in one pass ({@link OAuthSigner#baseString}); this is the slow, explainable way,
 * for the command-line explainer and {@link RefusalDiagnoses}.
 */
public final class SigningSteps {

    private static final Comparator<String[]> BY_NAME_THEN_VALUE =
            Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]);

    private final String method;
    private final String baseStringUri;
    private final List<String[]> encoded;
    private final List<String[]> sorted;

    private SigningSteps(String method, String baseStringUri, List<String[]> encoded) {
        this.method = method;
        this.baseStringUri = baseStringUri;
        this.encoded = encoded;
        this.sorted = new ArrayList<>(encoded);
        this.sorted.sort(BY_NAME_THEN_VALUE);
    }

    /**
     * The steps for a request.
     *
     * @param method   the HTTP method
     * @param url      the absolute URL, its query signed
     * @param form     the form body's parameters (decoded)
     * @param protocol the protocol parameters (decoded), without {@code oauth_signature}
     * @throws IllegalArgumentException when the URL is not an absolute http or https URL
     */
    public static SigningSteps of(String method, String url, ParameterList form, ParameterList protocol) {
        RequestUri uri = RequestUri.parse(url);
        AsciiBuffer plainUri = new AsciiBuffer(url.length() + 16);
        uri.writeBaseStringUri(plainUri, false);
        List<String[]> pairs = new ArrayList<>();
        addAll(pairs, queryOf(uri));
        addAll(pairs, form);
        addAll(pairs, protocol);
        return new SigningSteps(method, plainUri.toString(), pairs);
    }

    /** The HTTP method as it enters the base string: in upper case. */
    public String method() {
        return method.toUpperCase(Locale.ROOT);
    }

    /** The base string URI, not yet encoded for the base string. */
    public String baseStringUri() {
        return baseStringUri;
    }

    /** Step 1: each parameter as {@code name=value}, both percent-encoded, in the order collected (query, form body, protocol). */
    public List<String> encodedParameters() {
        return joined(encoded);
    }

    /** Step 2: the same, sorted by encoded name, then encoded value. */
    public List<String> sortedParameters() {
        return joined(sorted);
    }

    /** Steps 3 and 4: the sorted parameters joined with {@code &}. */
    public String normalizedParameters() {
        return String.join("&", sortedParameters());
    }

    /** The signature base string: method, base string URI and normalized parameters, each encoded, joined with {@code &}. */
    public String baseString() {
        return PercentEncoding.encode(method()) + "&" + PercentEncoding.encode(baseStringUri) + "&"
                + PercentEncoding.encode(normalizedParameters());
    }

    /** The query's pairs, decoded as form content (as the signer decodes them). */
    private static ParameterList queryOf(RequestUri uri) {
        ParameterList pairs = new ParameterList();
        String url = uri.url;
        int start = uri.queryStart;
        while (start < uri.queryEnd) {
            int end = url.indexOf('&', start);
            if (end < 0 || end > uri.queryEnd) {
                end = uri.queryEnd;
            }
            if (end > start) {
                int equals = PercentEncoding.indexOf(url, '=', start, end);
                int nameEnd = equals < 0 ? end : equals;
                pairs.add(PercentEncoding.decode(url, start, nameEnd, true),
                        equals < 0 ? "" : PercentEncoding.decode(url, nameEnd + 1, end, true));
            }
            start = end + 1;
        }
        return pairs;
    }

    private static void addAll(List<String[]> pairs, ParameterList parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            pairs.add(encodedPair(parameters.name(i), parameters.value(i)));
        }
    }

    private static String[] encodedPair(String name, String value) {
        return new String[] {PercentEncoding.encode(name), PercentEncoding.encode(value)};
    }

    private static List<String> joined(List<String[]> pairs) {
        List<String> joined = new ArrayList<>(pairs.size());
        for (String[] pair : pairs) {
            joined.add(pair[0] + "=" + pair[1]);
        }
        return joined;
    }
}
