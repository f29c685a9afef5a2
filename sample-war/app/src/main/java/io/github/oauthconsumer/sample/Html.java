package io.github.oauthconsumer.sample;

/**
 * The HTML of the pages the JAX-RS resources answer with (the flow's pages are JSPs). Every page is
 * directly under {@code /api/}, so {@code ../} is the application's root. Text from elsewhere (a
 * provider's answer, a signed parameter) always goes through {@link #escape}.
 */
final class Html {

    private Html() {
    }

    /** A whole page: the title as heading, then the body, which must be HTML already. */
    static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>%1$s</title><link rel="stylesheet" href="../style.css"></head>
                <body>
                <p class="nav"><a href="../">OAuth 1.0a sample</a></p>
                <h1>%1$s</h1>
                %2$s
                </body>
                </html>
                """.formatted(escape(title), body);
    }

    /** Escapes text for element content and quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
