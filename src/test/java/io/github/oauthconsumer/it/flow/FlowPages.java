package io.github.oauthconsumer.it.flow;

import io.github.oauthconsumer.it.ItSupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the flow's integration tests read off the application: the library's own pages, an element
 * of a page, and the flow events the test application recorded ({@link EventsResource}).
 */
final class FlowPages {

    private FlowPages() {
    }

    /** One of the library's pages: this status and title, HTML, not cached, no stack trace. */
    static void assertLibraryPage(HttpResponse<String> response, int status, String title) {
        assertEquals(status, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(response.body().contains("<h1>" + title + "</h1>"), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("\tat "), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
    }

    /** The first group of the first match of {@code regex} in the page. */
    static String element(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        assertTrue(matcher.find(), () -> regex + " not in " + html);
        return matcher.group(1);
    }

    /** The events recorded so far, a line each, read from the application at {@code eventsUri}. */
    static String events(URI eventsUri, Class<?> test) {
        try {
            HttpResponse<String> response = new Browser().get(eventsUri, "text/plain");
            assertEquals(200, response.statusCode(), () -> ItSupport.seeServerLog(test));
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
