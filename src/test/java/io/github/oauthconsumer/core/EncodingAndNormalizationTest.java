package io.github.oauthconsumer.core;

import static io.github.oauthconsumer.core.VectorSupport.baseString;
import static io.github.oauthconsumer.core.VectorSupport.baseStringUri;
import static io.github.oauthconsumer.core.VectorSupport.normalizedParameters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The base string in the cases where Java implementations are known to go wrong, checked against
 * the rules of RFC 5849 sections 3.4.1 and 3.6, and the encoding and parsing helpers behind it.
 */
class EncodingAndNormalizationTest {

    private static String normalized(String method, String url) {
        return normalizedParameters(baseString(OAuthRequest.builder(method, url).build()));
    }

    private static String normalizedForm(String url, String... namesAndValues) {
        OAuthRequest.Builder request = OAuthRequest.builder("POST", url);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            request.formParameter(namesAndValues[i], namesAndValues[i + 1]);
        }
        return normalizedParameters(baseString(request.build()));
    }

    private static String uri(String url) {
        return baseStringUri(baseString(OAuthRequest.builder("GET", url).build()));
    }

    @Nested
    class Parameters {

        @Test
        void repeatedNameIsSignedTwice() {
            assertEquals("a=1&a=1", normalized("GET", "http://example.com/?a=1&a=1"));
            assertEquals("a=1&a=1", normalizedForm("http://example.com/", "a", "1", "a", "1"));
        }

        @Test
        void sameNameInQueryAndFormIsSignedFromBoth() {
            assertEquals("a=1&a=2", normalizedForm("http://example.com/?a=2", "a", "1"));
            assertEquals("a=x&a=x&b=y", normalizedForm("http://example.com/?a=x", "a", "x", "b", "y"));
        }

        @Test
        void duplicatesAreSortedByEncodedValue() {
            // section 3.4.1.3.2: by name, then by value, both after encoding (byte order: '%' < '1' < 'A' < 'a')
            assertEquals("a=%20&a=1&a=A&a=a", normalizedForm("http://example.com/", "a", "a", "a", "A", "a", "1", "a", " "));
        }

        @Test
        void namesAreSortedByTheirEncodedBytes() {
            // before encoding "a~" (0x7E) sorts before "a\u00e9" (0xE9); after encoding "a%C3%A9" ('%' is 0x25) comes first
            assertEquals("a=1&a%C3%A9=1&a~=1", normalizedForm("http://example.com/", "a~", "1", "a\u00e9", "1", "a", "1"));
        }

        @Test
        void reservedMarksAndSpacesAreEncoded() {
            String expected = "v=%21%2A%27%28%29~%2B%20x";
            assertEquals(expected, normalizedForm("http://example.com/", "v", "!*'()~+ x"));
            assertEquals(expected, normalized("GET", "http://example.com/?v=%21%2A%27%28%29%7E%2B%20x"));
            assertEquals(expected, normalized("GET", "http://example.com/?v=!*'()~%2B+x"));
            assertEquals("%21%2A%27%28%29~=1", normalizedForm("http://example.com/", "!*'()~", "1"));
        }

        @Test
        void supplementaryCharactersAreFourUtf8Bytes() {
            String grinningFace = new String(Character.toChars(0x1F600));
            assertEquals("e=%F0%9F%98%80", normalizedForm("http://example.com/", "e", grinningFace));
            assertEquals("e=%F0%9F%98%80", normalized("GET", "http://example.com/?e=%F0%9F%98%80"));
            assertEquals("e=%F0%9F%98%80", normalized("GET", "http://example.com/?e=" + grinningFace));
            assertEquals("%F0%9F%98%80=x", normalizedForm("http://example.com/", grinningFace, "x"));
        }

        @Test
        void emptyValuesKeepTheirEqualsSign() {
            assertEquals("a=&b=", normalizedForm("http://example.com/", "a", "", "b", ""));
            assertEquals("a=&b=", normalized("GET", "http://example.com/?a=&b="));
        }

        @Test
        void nameWithoutEqualsInTheQueryHasAnEmptyValue() {
            assertEquals("b=1&flag=", normalized("GET", "http://example.com/?flag&b=1"));
        }

        @Test
        void plusInTheQueryIsASpace() {
            assertEquals("q=a%20b", normalized("GET", "http://example.com/?q=a+b"));
            assertEquals("q=a%2Bb", normalized("GET", "http://example.com/?q=a%2Bb"));
        }

        @Test
        void emptyPairsInTheQueryAreSkipped() {
            assertEquals("a=1&b=2", normalized("GET", "http://example.com/?&a=1&&b=2&"));
        }

        @Test
        void fragmentIsNotPartOfTheQuery() {
            assertEquals("q=1", normalized("GET", "http://example.com/p?q=1#f&z=2"));
            assertEquals("", normalized("GET", "http://example.com/p#a?b=c"));
        }

        @Test
        void malformedEscapeInTheQueryIsRefused() {
            OAuthRequest request = OAuthRequest.builder("GET", "http://example.com/?a=%zz").build();

            assertThrows(IllegalArgumentException.class, () -> baseString(request));
        }
    }

    @Nested
    class BaseStringUri {

        @ParameterizedTest
        @CsvSource({
                "HTTP://Example.COM:80/,              http://example.com/",
                "https://x:443/,                      https://x/",
                "HTTPS://X:443,                       https://x/",
                "http://x:8080/,                      http://x:8080/",
                "https://x:80/,                       https://x:80/",
                "http://x:443/,                       http://x:443/",
                "http://x:08080/,                     http://x:8080/",
                "http://x:0080/,                      http://x/",
                "http://x:65535/,                     http://x:65535/",
                "http://x:/,                          http://x/",
                "http://example.com,                  http://example.com/",
                "http://example.com?x=1,              http://example.com/",
                "http://example.com#top,              http://example.com/",
                "http://user:pass@Example.com:8080/p?q=1#frag, http://example.com:8080/p",
                "http://user@example.com/p,           http://example.com/p",
                "http://[2001:DB8::1]:8080/p,         http://[2001:db8::1]:8080/p",
                "http://[2001:db8::1]:80/p,           http://[2001:db8::1]/p"})
        void schemeHostAndPort(String url, String expected) {
            assertEquals(expected, uri(url));
        }

        @ParameterizedTest
        @CsvSource({
                "http://x/%7Euser,    http://x/%7Euser",
                "http://x/~user,      http://x/~user",
                "http://x/%7euser,    http://x/%7euser",
                "http://x/a%2Fb/c,    http://x/a%2Fb/c",
                "http://x/Path/To/,   http://x/Path/To/",
                "http://x/a;p=1/b,    http://x/a;p=1/b"})
        void pathIsKeptAsSent(String url, String expected) {
            assertEquals(expected, uri(url));
        }

        @Test
        void pathEncodingsThatDifferStayDifferent() {
            assertNotEquals(baseString(OAuthRequest.builder("GET", "http://x/%7Euser").build()),
                    baseString(OAuthRequest.builder("GET", "http://x/~user").build()));
        }

        @Test
        void nonAsciiPathIsPercentEncodedAsUtf8() {
            assertEquals("http://x/caf%C3%A9/%F0%9F%98%80", uri("http://x/caf\u00e9/" + new String(Character.toChars(0x1F600))));
        }

        @Test
        void charactersThatCannotBeSentInAPathAreSignedAsTheirEscapes() {
            assertEquals(baseString(OAuthRequest.builder("GET", "http://x/a%20b%22%7B%7D%7C").build()),
                    baseString(OAuthRequest.builder("GET", "http://x/a b\"{}|").build()));
            assertEquals("http://x/a%20b", uri("http://x/a b"));
        }

        @Test
        void methodIsUpperCased() {
            assertTrue(baseString(OAuthRequest.builder("post", "http://x/").build()).startsWith("POST&"));
            assertTrue(baseString(OAuthRequest.builder("Patch", "http://x/").build()).startsWith("PATCH&"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"ftp://x/", "example.com/path", "http:/x", "http://", "http://:8080/", "http://x:8o/",
                "http://x:65536/", "http://x:99999999999/"})
        void urlsThatCannotBeSignedAreRefused(String url) {
            OAuthRequest request = OAuthRequest.builder("GET", url).build();

            assertThrows(IllegalArgumentException.class, () -> baseString(request));
        }
    }

    @Nested
    class PercentEncodingTest {

        @Test
        void unreservedCharactersAreLeftAlone() {
            String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
            assertEquals(unreserved, PercentEncoding.encode(unreserved));
        }

        @Test
        void everyOtherAsciiCharacterIsEncodedWithUpperCaseHex() {
            for (char c = 0; c < 128; c++) {
                String text = String.valueOf(c);
                if (!PercentEncoding.isUnreserved(c)) {
                    assertEquals(String.format("%%%02X", (int) c), PercentEncoding.encode(text), "char " + (int) c);
                }
            }
        }

        @Test
        void loneSurrogateBecomesAQuestionMarkLikeStringGetBytes() {
            assertEquals("%3F", PercentEncoding.encode("\uD83D"));
            assertEquals("a%3Fb", PercentEncoding.encode("a\uDE00b"));
        }

        @Test
        void decodesUpperAndLowerCaseHexAsUtf8() {
            assertEquals("caf\u00e9", PercentEncoding.decode("caf%C3%A9", false));
            assertEquals("caf\u00e9", PercentEncoding.decode("caf%c3%a9", false));
            assertEquals("\u00e9", PercentEncoding.decode("\u00e9", false));
        }

        @Test
        void plusIsASpaceOnlyInFormContent() {
            assertEquals("a b", PercentEncoding.decode("a+b", true));
            assertEquals("a+b", PercentEncoding.decode("a+b", false));
            assertEquals("a+b", PercentEncoding.decode("a%2Bb", true));
        }

        @ParameterizedTest
        @ValueSource(strings = {"%", "%4", "ab%zz", "%G1", "%C3", "%FF%FE", "%\uFF13D", "%\u0663D", "%3\uFF24"})
        void malformedInputIsRefusedWithoutRepeatingIt(String suffix) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PercentEncoding.decode("s3cr3t-value" + suffix, false));
            assertFalse(e.getMessage().contains("s3cr3t"));
        }

        @Test
        void encodeThenDecodeGivesBackTheText() {
            String text = "a b+c&d=e/f?g#h%i\u00e9\u3001" + new String(Character.toChars(0x1F600));
            assertEquals(text, PercentEncoding.decode(PercentEncoding.encode(text), false));
        }
    }

    @Nested
    class ParameterListTest {

        private List<String> pairs(ParameterList list) {
            return IntStream.range(0, list.size()).mapToObj(i -> list.name(i) + "=" + list.value(i)).toList();
        }

        @Test
        void aFormInAnotherCharsetHasItsEscapesReadInThatCharset() {
            ParameterList list = ParameterList.parseFormEncoded("a=Gr%FC%DFe+x&caf%E9=\u00e9t\u00e9", StandardCharsets.ISO_8859_1);

            assertEquals(List.of("a=Gr\u00fc\u00dfe x", "caf\u00e9=\u00e9t\u00e9"), pairs(list));
            assertEquals(List.of("a=Gr\u00fc\u00dfe"), pairs(ParameterList.parseFormEncoded("a=Gr%C3%BC%C3%9Fe", StandardCharsets.UTF_8)));
        }

        @Test
        void escapesThatAreNotValidInTheFormsCharsetAreRefused() {
            assertThrows(IllegalArgumentException.class, () -> ParameterList.parseFormEncoded("a=%FF", StandardCharsets.US_ASCII));
            assertThrows(IllegalArgumentException.class, () -> ParameterList.parseFormEncoded("a=%F", StandardCharsets.ISO_8859_1));
            assertThrows(IllegalArgumentException.class, () -> ParameterList.parseFormEncoded("a=%\u0663D", StandardCharsets.ISO_8859_1));
        }

        @Test
        void parsesRepeatedNamesInOrder() {
            ParameterList list = ParameterList.parseFormEncoded("a=1&b=2&a=3");

            assertEquals(List.of("a=1", "b=2", "a=3"), pairs(list));
            assertEquals(List.of("1", "3"), list.values("a"));
            assertEquals(2, list.count("a"));
            assertEquals("1", list.first("a").orElseThrow());
            assertEquals(Map.of("a", List.of("1", "3"), "b", List.of("2")), list.asMap());
        }

        @Test
        void parsesTheEdgeCasesOfFormContent() {
            assertEquals(List.of("flag=", "a=", "=v", "b==c", " = "), pairs(ParameterList.parseFormEncoded("flag&a=&=v&b==c&+=+")));
            assertEquals(List.of("a=1", "b=2"), pairs(ParameterList.parseFormEncoded("&&a=1&&b=2&")));
            assertEquals(List.of("k\u00e9y=v@l"), pairs(ParameterList.parseFormEncoded("k%C3%A9y=v%40l")));
            assertTrue(ParameterList.parseFormEncoded("").isEmpty());
            assertTrue(ParameterList.parseFormEncoded(null).isEmpty());
        }

        @Test
        void refusesMalformedEscapes() {
            assertThrows(IllegalArgumentException.class, () -> ParameterList.parseFormEncoded("a=%zz"));
            assertThrows(IllegalArgumentException.class, () -> ParameterList.parseFormEncoded("a%=1"));
        }

        @Test
        void formEncodingUsesRfc5849PercentEncoding() {
            ParameterList list = new ParameterList().add("a b", "c+d").add("e", "*~");

            assertEquals("a%20b=c%2Bd&e=%2A~", list.toFormEncoded());
            assertEquals(pairs(list), pairs(ParameterList.parseFormEncoded(list.toFormEncoded())));
        }

        @Test
        void copiesAreIndependent() {
            ParameterList original = new ParameterList().add("a", "1");
            ParameterList copy = original.copy();
            copy.add("b", "2");

            assertEquals(1, original.size());
            assertEquals(2, copy.size());
            assertThrows(UnsupportedOperationException.class, () -> original.asMap().put("x", List.of()));
        }

        @Test
        void refusesNullsAndBadIndexes() {
            ParameterList list = new ParameterList();

            assertThrows(IllegalArgumentException.class, () -> list.add(null, "v"));
            assertThrows(IllegalArgumentException.class, () -> list.add("n", null));
            assertThrows(IndexOutOfBoundsException.class, () -> list.name(0));
        }

        @Test
        void growsPastItsInitialCapacity() {
            ParameterList list = new ParameterList();
            for (int i = 0; i < 100; i++) {
                list.add("n" + i, "v" + i);
            }

            assertEquals(100, list.size());
            assertEquals("v99", list.value(99));
            assertEquals("v99", list.copy().value(99));
        }

        @Test
        void ofKeepsEveryValueOfAMultiValuedMap() {
            ParameterList list = ParameterList.of(Map.of("a", List.of("1", "2")));

            assertEquals(List.of("a=1", "a=2"), pairs(list));
        }

        @Test
        void knowsWhetherAnyNameIsAProtocolParameter() {
            assertTrue(new ParameterList().add("x", "1").add("oauth_token", "t").hasProtocolParameter());
            assertFalse(new ParameterList().add("xoauth_token", "t").add("OAUTH_TOKEN", "t").hasProtocolParameter());
        }
    }
}
