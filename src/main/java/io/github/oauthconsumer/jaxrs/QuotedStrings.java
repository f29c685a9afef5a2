package io.github.oauthconsumer.jaxrs;

/**
 * The quoted-string values of the {@code WWW-Authenticate: OAuth ...} challenges the library
 * answers with ({@code @RequireAccessToken} and {@code @ValidateSignature}): one way of writing
 * them, so that a realm or problem code can never break the header.
 */
final class QuotedStrings {

    private QuotedStrings() {
    }

    /** A quoted-string body: {@code "} and {@code \} escaped, control characters dropped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c != 0x7F) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
