package io.github.oauthconsumer.flow;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library's pages escape every text they show. */
class FlowPagesTest {

    @Test
    void escapesTitleMessageAndLink() {
        String html = FlowPages.html(new FlowOutcome.Page(502, "<b>Title</b>",
                "provider said: <script>alert('x')</script> & \"more\"", "Try <again>",
                "/oauth1/x/authorize?next=%2F&a=\"><script>"));

        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("<h1>&lt;b&gt;Title&lt;/b&gt;</h1>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"), html);
        assertTrue(html.contains("<a href=\"/oauth1/x/authorize?next=%2F&amp;a=&quot;&gt;&lt;script&gt;\">Try &lt;again&gt;</a>"),
                html);
    }

    @Test
    void leavesTheLinkOutWhenThereIsNone() {
        String html = FlowPages.html(new FlowOutcome.Page(404, "Not found", "No such page.", null, null));

        assertFalse(html.contains("<a "), html);
        assertTrue(html.contains("<p>No such page.</p>"), html);
    }

    @Test
    void escapesEveryHtmlSpecialCharacter() {
        assertEquals("a&amp;b&lt;c&gt;d&quot;e&#39;f", FlowPages.escape("a&b<c>d\"e'f"));
    }
}
