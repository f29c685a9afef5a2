package io.github.oauthconsumer.core;

import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.SignatureDiagnosis;
import io.github.oauthconsumer.api.SignatureDiagnosis.Cause;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link SignatureDiagnosis} of a provider's refusal: what the signer signed, the
 * provider's own base string when it sent one (as the Problem Reporting parameter
 * {@value #PROVIDER_BASE_STRING}, or anywhere in its answer's body, where some providers print it),
 * the first character where the two differ, and what that difference says.
 */
public final class RefusalDiagnoses {

    /** Where the query parameters of a request are sent. */
    public static final String QUERY = "query";
    /** Where form parameters, and protocol parameters with the body transport, are sent. */
    public static final String FORM_BODY = "form body";
    /** Where protocol parameters are sent with the header transport. */
    public static final String HEADER = "Authorization header";

    /** The Problem Reporting parameter with which some providers return the base string they computed. */
    public static final String PROVIDER_BASE_STRING = OAuthParameterNames.SIGNATURE_BASE_STRING;

    /** A base string: an upper-case method, an encoded http(s) URI, encoded parameters. */
    private static final Pattern BASE_STRING = Pattern.compile("[A-Z]+&https?%3A%2F%2F[A-Za-z0-9%._~-]+&[A-Za-z0-9%._~-]*");

    private RefusalDiagnoses() {
    }

    /**
     * The diagnosis of a refusal.
     *
     * @param refusal          the provider's refusal, as read from its answer
     * @param body             the answer's body, or null
     * @param signer           the signer that signed the request
     * @param request          the request as signed
     * @param signed           the protocol parameters it was signed with
     * @param protocolLocation where the protocol parameters were sent ({@link #HEADER}, {@link #QUERY}, {@link #FORM_BODY})
     */
    public static SignatureDiagnosis diagnose(OAuthProblemException refusal, String body, OAuthSigner signer,
                                              OAuthRequest request, SignedParameters signed, String protocolLocation) {
        String ours = signer.baseString(request, signed);
        RequestUri uri = RequestUri.parse(request.url());
        AsciiBuffer normalized = new AsciiBuffer(request.url().length() + 16);
        uri.writeBaseStringUri(normalized, false);
        String theirs = providerBaseString(refusal, body);
        int difference = theirs == null ? -1 : firstDifference(ours, theirs);
        Cause cause = cause(refusal.problem().code(), ours, theirs, difference);
        return new SignatureDiagnosis(refusal.problem().code(), request.method(), normalized.toString(),
                signer.signatureMethod().name(), ours, locations(request, signed, protocolLocation), theirs, difference,
                cause, explanation(cause, refusal.problem().code()));
    }

    /** The index of the first character where two texts differ; -1 when they are equal. */
    public static int firstDifference(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return a.length() == b.length() ? -1 : common;
    }

    private static String providerBaseString(OAuthProblemException refusal, String body) {
        String reported = refusal.parameters().get(PROVIDER_BASE_STRING);
        if (reported != null && !reported.isBlank()) {
            return reported.strip();
        }
        if (body == null) {
            return null;
        }
        Matcher found = BASE_STRING.matcher(body);
        return found.find() ? found.group() : null;
    }

    private static Cause cause(String problem, String ours, String theirs, int difference) {
        switch (problem) {
            case "timestamp_refused":
                return Cause.TIMESTAMP;
            case "nonce_used":
                return Cause.NONCE;
            case "token_rejected", "token_expired", "token_revoked", "token_used":
                return Cause.TOKEN;
            default:
                break;
        }
        if (theirs == null) {
            return Cause.UNKNOWN;
        }
        if (difference < 0) {
            return Cause.SECRET;
        }
        int methodEnd = ours.indexOf('&');
        int uriEnd = methodEnd < 0 ? -1 : ours.indexOf('&', methodEnd + 1);
        return uriEnd < 0 || difference <= uriEnd ? Cause.URL : Cause.PARAMETERS;
    }

    private static String explanation(Cause cause, String problem) {
        return switch (cause) {
            case URL -> "the method or the URL the provider signed differs from ours: compare scheme, host, port and path"
                    + " (a proxy, a load balancer or a redirect may change them; the provider must see the URL that was signed)";
            case PARAMETERS -> "the parameters differ: one was signed that the provider did not receive, or the provider"
                    + " received one that was not signed (added after signing, by a filter or a proxy), or a value is encoded"
                    + " otherwise";
            case SECRET -> "the base strings are equal, so the key differs: check the consumer secret and, for a request"
                    + " with a token, the token secret (or the RSA key); they are never shown";
            case TIMESTAMP -> "the provider refused the timestamp: this server's clock or the provider's is off"
                    + " (see oauth_acceptable_timestamps; clock-skew-correction corrects it)";
            case NONCE -> "the provider saw this nonce before: the request was sent twice, or replayed by an intermediary";
            case TOKEN -> "the provider does not accept the token: unknown, expired, revoked or issued to another consumer";
            case UNKNOWN -> "signature_invalid".equals(problem)
                    ? "the provider sent no base string to compare with ours; usually the URL differs (scheme, host, port"
                    + " or path as the provider sees it), a parameter was signed that the provider did not receive or the"
                    + " reverse, or the consumer secret or token secret is wrong. Compare the base string with the provider's"
                    + " documentation or with another library (docs/troubleshooting.md)"
                    : "the provider refused with " + problem + "; see its oauth_problem_advice, if any";
        };
    }

    /** Each signed parameter name with where it was sent, in the order signed; a name sent in two places lists both. */
    private static Map<String, String> locations(OAuthRequest request, SignedParameters signed, String protocolLocation) {
        Map<String, String> locations = new LinkedHashMap<>();
        ParameterList protocol = signed.asParameterList();
        for (int i = 0; i < protocol.size(); i++) {
            if (!protocol.name(i).equals(OAuthParameterNames.SIGNATURE)) {
                put(locations, protocol.name(i), protocolLocation);
            }
        }
        RequestUri uri = RequestUri.parse(request.url());
        if (uri.hasQuery()) {
            for (String pair : request.url().substring(uri.queryStart, uri.queryEnd).split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    put(locations, PercentEncoding.decode(equals < 0 ? pair : pair.substring(0, equals), true), QUERY);
                }
            }
        }
        ParameterList form = request.form();
        for (int i = 0; i < form.size(); i++) {
            put(locations, form.name(i), FORM_BODY);
        }
        return locations;
    }

    private static void put(Map<String, String> locations, String name, String location) {
        locations.merge(name, location, (was, added) -> was.contains(added) ? was : was + ", " + added);
    }
}
