package io.github.oauthconsumer.core;

import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;

import java.util.Arrays;
import java.util.Optional;

/**
 * An {@code Authorization: OAuth ...} header (RFC 5849 section 3.5.1), read strictly: the scheme
 * is matched case-insensitively, parameters are {@code name="value"} pairs separated by commas,
 * values are quoted and percent-decoded, and the {@code realm} is kept apart because it is never
 * signed. Names may repeat here; the verifier rejects duplicated protocol parameters.
 *
 * <p>For the verifier, the parser remembers which parameters were sent with unreserved characters
 * only (their text is already their percent-encoded form, so the base string can take it as it
 * is), and gives known protocol parameter names as the shared constants.
 */
public final class AuthorizationHeader {

    private static final String SCHEME = "OAuth";
    private static final boolean[] TOKEN_CHARS = tokenChars();
    private static final String[] KNOWN_NAMES = {OAuthParameterNames.CONSUMER_KEY, OAuthParameterNames.TOKEN,
            OAuthParameterNames.SIGNATURE_METHOD, OAuthParameterNames.SIGNATURE, OAuthParameterNames.TIMESTAMP,
            OAuthParameterNames.NONCE, OAuthParameterNames.VERSION, OAuthParameterNames.CALLBACK,
            OAuthParameterNames.VERIFIER, OAuthParameterNames.BODY_HASH, OAuthParameterNames.SESSION_HANDLE};

    private final String realm;
    private final ParameterList parameters;
    private final boolean[] plain;

    private AuthorizationHeader(String realm, ParameterList parameters, boolean[] plain) {
        this.realm = realm;
        this.parameters = parameters;
        this.plain = plain;
    }

    /**
     * Reads a header value.
     *
     * @return empty when the header uses another scheme (such as {@code Basic}) or is blank
     * @throws OAuthProblemException {@code parameter_rejected} (400) when it is an OAuth header
     *                               that does not follow the grammar
     */
    public static Optional<AuthorizationHeader> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int position = skipWhitespace(value, 0);
        if (!value.regionMatches(true, position, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        position += SCHEME.length();
        int length = value.length();
        if (position < length && !isWhitespace(value.charAt(position))) {
            return Optional.empty();
        }
        String realm = null;
        ParameterList parameters = new ParameterList();
        boolean[] plain = new boolean[8];
        position = skipWhitespace(value, position);
        while (position < length) {
            int nameStart = position;
            boolean plainName = true;
            while (position < length && isTokenChar(value.charAt(position))) {
                plainName &= PercentEncoding.isUnreserved(value.charAt(position));
                position++;
            }
            if (position == nameStart) {
                throw malformed("expected a parameter name");
            }
            int nameEnd = position;
            position = skipWhitespace(value, position);
            if (position >= length || value.charAt(position) != '=') {
                throw malformed("parameter '" + value.substring(nameStart, nameEnd) + "' has no value");
            }
            position = skipWhitespace(value, position + 1);
            if (position >= length || value.charAt(position) != '"') {
                throw malformed("the value of '" + value.substring(nameStart, nameEnd) + "' is not quoted");
            }
            position++;
            int valueStart = position;
            boolean plainValue = true;
            char c;
            while (position < length && (c = value.charAt(position)) != '"' && c != '\\') {
                plainValue &= PercentEncoding.isUnreserved(c);
                position++;
            }
            String rawValue = null;
            int valueEnd = position;
            if (position < length && value.charAt(position) == '"') {
                position++;
            } else {
                plainValue = false;
                StringBuilder unescaped = new StringBuilder().append(value, valueStart, position);
                boolean closed = false;
                while (position < length) {
                    c = value.charAt(position++);
                    if (c == '"') {
                        closed = true;
                        break;
                    }
                    if (c == '\\' && position < length) {
                        c = value.charAt(position++);
                    }
                    unescaped.append(c);
                }
                if (!closed) {
                    throw malformed("the value of '" + value.substring(nameStart, nameEnd) + "' has no closing quote");
                }
                rawValue = unescaped.toString();
            }
            boolean isRealm = nameEnd - nameStart == OAuthParameterNames.REALM.length()
                    && value.regionMatches(true, nameStart, OAuthParameterNames.REALM, 0, nameEnd - nameStart);
            if (isRealm && realm == null) {
                realm = rawValue != null ? rawValue : value.substring(valueStart, valueEnd);
            } else {
                try {
                    String name = plainName ? knownName(value, nameStart, nameEnd) : PercentEncoding.decode(value, nameStart, nameEnd, false);
                    String decoded = rawValue != null ? PercentEncoding.decode(rawValue, false)
                            : plainValue ? value.substring(valueStart, valueEnd)
                            : PercentEncoding.decode(value, valueStart, valueEnd, false);
                    if (parameters.size() == plain.length) {
                        plain = Arrays.copyOf(plain, 2 * plain.length);
                    }
                    plain[parameters.size()] = plainName && plainValue;
                    parameters.add(name, decoded);
                } catch (IllegalArgumentException e) {
                    throw malformed("'" + value.substring(nameStart, nameEnd) + "' is not properly percent-encoded");
                }
            }
            position = skipWhitespace(value, position);
            if (position < length) {
                if (value.charAt(position) != ',') {
                    throw malformed("expected ',' after '" + value.substring(nameStart, nameEnd) + "'");
                }
                position = skipWhitespace(value, position + 1);
                if (position >= length) {
                    throw malformed("trailing ','");
                }
            }
        }
        return Optional.of(new AuthorizationHeader(realm, parameters, plain));
    }

    /** The name in {@code value} between two positions: a shared constant when it is a known protocol parameter. */
    private static String knownName(String value, int start, int end) {
        int length = end - start;
        for (String known : KNOWN_NAMES) {
            if (known.length() == length && value.startsWith(known, start)) {
                return known;
            }
        }
        return value.substring(start, end);
    }

    /** The {@code realm}, or null when the header has none. */
    public String realm() {
        return realm;
    }

    /** Every parameter but the realm, decoded, in order, duplicates kept. */
    public ParameterList parameters() {
        return parameters.copy();
    }

    ParameterList parametersView() {
        return parameters;
    }

    /**
     * Whether the name and value of the parameter at {@code index} of {@link #parametersView()} were
     * sent as unreserved characters only, which makes them their own percent-encoded form.
     */
    boolean isPlain(int index) {
        return plain[index];
    }

    /** Appends a quoted-string body: {@code "} and {@code \} are escaped, other non-printable characters percent-encoded. */
    static void appendQuoted(String text, AsciiBuffer out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append((byte) '\\');
                out.append((byte) c);
            } else if (c < 0x20 || c >= 0x7F) {
                int codePoint = AsciiBuffer.codePointAt(text, i);
                if (codePoint > 0xFFFF) {
                    i++;
                }
                out.appendEscapedUtf8(codePoint);
            } else {
                out.append((byte) c);
            }
        }
    }

    private static OAuthProblemException malformed(String reason) {
        return new OAuthProblemException(OAuthProblem.PARAMETER_REJECTED, "malformed OAuth Authorization header: " + reason);
    }

    private static boolean isTokenChar(char c) {
        return c < 0x7F && TOKEN_CHARS[c];
    }

    /** The characters of an RFC 7230 token: visible ASCII but the separators. */
    private static boolean[] tokenChars() {
        boolean[] token = new boolean[0x7F];
        for (char c = 0x21; c < 0x7F; c++) {
            token[c] = "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }
        return token;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static int skipWhitespace(String value, int position) {
        while (position < value.length() && isWhitespace(value.charAt(position))) {
            position++;
        }
        return position;
    }

    /** Shows the realm and the parameter names, never values. */
    @Override
    public String toString() {
        return "AuthorizationHeader[realm=" + realm + ", " + parameters + "]";
    }
}
