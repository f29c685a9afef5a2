package io.github.oauthconsumer.flow;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code next} comes from the browser: whatever it is, the result is a path on this application
 * (one slash, no scheme, no host), never an exception (see the fuzz package for the other parsers).
 */
class NextUrlFuzzTest {

    private static final String CHARACTERS = "/\\\\:.%?#@&=+ \t\r\n~!$'()*,;[]abcAZ09\u0000\u007f\u00e9\ud800\udc00\ud83d\ude00";

    @Property(seed = "5849")
    void theNextUrlIsAlwaysAPathOnThisApplication(@ForAll("requested") String requested) {
        String next = NextUrl.sanitize(requested);

        assertTrue(next.startsWith("/") && !next.startsWith("//") && next.indexOf('\\') < 0, next);
        URI uri = URI.create(next);
        assertNull(uri.getScheme(), next);
        assertNull(uri.getRawAuthority(), next);
        assertFalse(next.chars().anyMatch(c -> c <= ' ' || c == 0x7f), next);
    }

    @Provide
    Arbitrary<String> requested() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(CHARACTERS).ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of("/orders?id=3", "https://evil.example/", "//evil.example", "/\\\\evil", "/a/../b"));
    }
}
