package io.github.oauthconsumer.demo.provider;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The demo's few HTML pages share this frame; every value that goes into them passes {@link #escape}. */
final class Html {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private Html() {
    }

    /** A page: {@code body} is HTML made by the caller, {@code title} is text. */
    static Response page(Response.Status status, String title, String body) {
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%1$s</title>
                <style>
                body { font-family: sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
                code { background: #f2f2f2; padding: 0 .2em; }
                td, th { text-align: left; padding: .2em .6em .2em 0; vertical-align: top; }
                button { font-size: 1em; padding: .3em 1.2em; margin-right: .5em; }
                </style>
                </head>
                <body>
                <h1>%1$s</h1>
                %2$s
                </body>
                </html>
                """.formatted(escape(title), body);
        return Response.status(status).type(HTML).entity(html).build();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
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
