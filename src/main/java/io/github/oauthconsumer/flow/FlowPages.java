package io.github.oauthconsumer.flow;

import io.github.oauthconsumer.core.OAuthParameterNames;

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

    /**
     * The HTML of the verifier page: a link that opens the provider's approval page in another tab,
     * and the form that posts the code the provider shows there.
     */
    static String html(FlowOutcome.VerifierForm form) {
        String title = "Enter the verification code";
        return new StringBuilder(1024)
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(title)
                .append("</title></head>\n<body><h1>").append(title).append("</h1>\n<p>1. <a id=\"authorize\" href=\"")
                .append(escape(form.authorizationUrl()))
                .append("\" target=\"_blank\" rel=\"noopener noreferrer\">Open the approval page of ")
                .append(escape(form.consumerName())).append("</a> and approve the access there.</p>\n")
                .append("<p>2. Enter the code it shows you:</p>\n<form method=\"post\" action=\"")
                .append(escape(form.action())).append("\">\n<input type=\"hidden\" name=\"")
                .append(FlowPaths.CSRF_PARAMETER).append("\" value=\"").append(escape(form.csrfToken()))
                .append("\">\n<p><label for=\"verifier\">Verification code</label>\n<input id=\"verifier\" name=\"")
                .append(OAuthParameterNames.VERIFIER).append("\" required autocomplete=\"off\" maxlength=\"")
                .append(AuthorizationFlow.MAX_VERIFIER_LENGTH)
                .append("\"></p>\n<p><button type=\"submit\" id=\"submit\">Continue</button></p>\n</form>\n")
                .append("</body></html>\n").toString();
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
