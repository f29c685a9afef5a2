package io.github.oauthconsumer.core;

/**
 * The {@code WWW-Authenticate: OAuth ...} challenges the library answers with (RFC 5849 section
 * 3.5.1 names the scheme; the Problem Reporting extension adds {@code oauth_problem}): one way of
 * writing them, so that a realm or problem code can never break the header.
 */
public final class Challenges {

    private Challenges() {
    }

    /** {@code OAuth realm="..."}. */
    public static String oauth(String realm) {
        return "OAuth realm=\"" + quoted(realm) + "\"";
    }

    /** {@code OAuth realm="...", oauth_problem="..."}. */
    public static String oauth(String realm, String problem) {
        return oauth(realm) + ", " + OAuthParameterNames.PROBLEM + "=\"" + quoted(problem) + "\"";
    }

    /** A quoted-string body: {@code "} and {@code \} escaped, control characters dropped. */
    private static String quoted(String text) {
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
