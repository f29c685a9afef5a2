package io.github.oauthconsumer.flow;

/**
 * The library's own pages of the access-token flow: small, self-contained HTML with every text
 * escaped, and never a stack trace.
 */
final class FlowPages {

    private FlowPages() {
    }

    /** The HTML of a page. */
    static String html(FlowOutcome.Page page) {
        StringBuilder html = new StringBuilder(512)
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(page.title()))
                .append("</title></head>\n<body><h1>")
                .append(escape(page.title()))
                .append("</h1>\n<p>")
                .append(escape(page.message()))
                .append("</p>\n");
        if (page.linkUrl() != null) {
            html.append("<p><a href=\"").append(escape(page.linkUrl())).append("\">")
                    .append(escape(page.linkText())).append("</a></p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String escape(String text) {
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
