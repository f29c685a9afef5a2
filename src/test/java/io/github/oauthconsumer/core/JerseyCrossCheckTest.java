package io.github.oauthconsumer.core;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.spi.SigningKeys;
import io.github.oauthconsumer.testprovider.TestCertificates;
import io.github.oauthconsumer.testsupport.JerseyOAuth1;
import io.github.oauthconsumer.testsupport.JerseyOAuth1.Param;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.glassfish.jersey.internal.inject.InjectionManager;
import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.oauth1.signature.OAuth1Secrets;
import org.glassfish.jersey.oauth1.signature.OAuth1Signature;
import org.glassfish.jersey.oauth1.signature.PlaintextMethod;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-checks this engine against an RFC 5849 implementation the project did not write: Jersey's
 * {@code oauth1-signature} 3.1.10. Thousands of generated requests are signed on one side and
 * verified on the other, in both directions, and both sides must compute the same
 * {@code oauth_signature}. Where Jersey departs from the RFC, the generator stays away from that
 * aspect (the comment there says why) and an example below shows that this engine follows the RFC.
 */
class JerseyCrossCheckTest {

    /** 1024 bits, as many OAuth 1 providers use, and several times faster to sign with than 2048. */
    private static final KeyPair RSA_KEYS = TestCertificates.newRsaKeyPair(1024);
    /** Jersey signs RSA-SHA1 with a base64 PKCS#8 key in the consumer "secret". */
    private static final String JERSEY_RSA_SIGNING_SECRET = TestCertificates.privateKeyBase64(RSA_KEYS);
    /** Jersey verifies RSA-SHA1 only against a PEM X.509 certificate in the consumer "secret". */
    private static final String JERSEY_RSA_VERIFYING_SECRET =
            TestCertificates.selfSignedCertificatePem(RSA_KEYS, "jersey-cross-check");
    private static final InjectionManager INJECTION_MANAGER = JerseyOAuth1.signatureMethods();
    private static final OAuth1Signature JERSEY = new OAuth1Signature(INJECTION_MANAGER);

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "get", "post", "put", "delete", "patch", "Post", "pAtCh"};
    /**
     * Pieces of names, values, secrets, tokens and nonces: unreserved characters, the characters that
     * encoders disagree on, the rest of printable ASCII, controls, non-ASCII letters, a no-break space,
     * and supplementary characters (emoji, a musical symbol, a flag made of two code points). Every
     * piece is in Unicode normalization form C: {@link java.net.URI}, through which Jersey reads the
     * request URL, turns raw non-ASCII in a path into NFC before encoding it (raw non-ASCII has no
     * place in an HTTP request target anyway, RFC 3986 section 2).
     */
    private static final List<String> ATOMS = List.of(
            "-", ".", "_", "~",
            "!", "*", "'", "(", ")", "+", " ", "&", "=", "%",
            "\"", "#", "$", ",", "/", ":", ";", "<", ">", "?", "@", "[", "\\", "]", "^", "`", "{", "|", "}",
            "\t", "\n",
            "é", "ß", "Ω", "€", "日本", "\u00A0",
            "😀", "𝄞", "🇫🇷");
    private static final List<String> UNRESERVED_ATOMS = List.of("-", ".", "_", "~");
    /**
     * Pieces of a realm. Jersey reads the Authorization header by splitting it with a regular
     * expression that knows no quoted-pair and percent-decodes the realm (OAuth1Parameters.readRequest),
     * so a realm with {@code "}, {@code \} or {@code %} is not read back as sent; RFC 5849 section
     * 3.5.1 makes the realm an RFC 2617 quoted-string. See {@link #theRealmIsAQuotedStringThatIsNotSigned()}.
     */
    private static final List<String> REALM_ATOMS = List.of(" ", ",", "=", "!", "'", "+", "/", ":", "@", "é", "😀");
    /** Names that come up again and again, so that names repeat within and across query and form. */
    private static final List<String> COMMON_NAMES = List.of("a", "A", "b", "a b", "x+y", "é", "😀", "c%", "=");
    private static final String PATH_SUB_DELIMS = "!$&'()*+,;=:@";
    private static final String QUERY_SUB_DELIMS = "!$'()*,;:@/?";

    @AfterContainer
    static void shutDownInjectionManager() {
        INJECTION_MANAGER.shutdown();
    }

    @Property(tries = 2000, seed = "5849001", afterFailure = AfterFailureMode.RANDOM_SEED)
    void jerseyVerifiesWhatThisEngineSigns(@ForAll("requests") Case c) throws Exception {
        collectStatistics(c);
        OAuthSigner signer = c.ourSigner();
        OAuthRequest request = c.ourRequest();
        SignedParameters signed = signer.sign(request);
        String baseString = signer.baseString(request, signed);

        String url = c.url().render();
        List<Param> form = new ArrayList<>(c.form());
        String authorization = null;
        Map<String, String> expected = new HashMap<>();
        ParameterList protocol = signed.asParameterList();
        for (int i = 0; i < protocol.size(); i++) {
            expected.put(protocol.name(i), protocol.value(i));
        }
        switch (c.protocol().transport()) {
            case HEADER -> {
                authorization = signed.authorizationHeader();
                if (c.protocol().realm() != null) {
                    expected.put(OAuth1Parameters.REALM, c.protocol().realm());
                }
            }
            case QUERY -> url = signed.appendToUrl(url);
            case FORM -> {
                for (int i = 0; i < protocol.size(); i++) {
                    form.add(new Param(protocol.name(i), protocol.value(i)));
                }
            }
        }
        JerseyOAuth1.Request sent = new JerseyOAuth1.Request(c.method(), url, form, authorization);
        OAuth1Parameters received = new OAuth1Parameters().readRequest(sent);

        assertEquals(expected, received, "the protocol parameters as Jersey reads them");
        assertTrue(JERSEY.verify(sent, received, c.jerseySecrets(false)),
                () -> "Jersey rejects the signature over " + baseString);
        assertEquals(signed.signature(), JERSEY.generate(sent, received, c.jerseySecrets(true)),
                () -> "Jersey signs something else than " + baseString);
    }

    @Property(tries = 2000, seed = "5849002", afterFailure = AfterFailureMode.RANDOM_SEED)
    void thisEngineVerifiesWhatJerseySigns(@ForAll("requests") Case c) throws Exception {
        collectStatistics(c);
        JerseyOAuth1.Request sent = new JerseyOAuth1.Request(c.method(), c.url().render(), c.form(), null);
        JERSEY.sign(sent, c.jerseyParameters(), c.jerseySecrets(true));
        String authorization = sent.authorization();
        String jerseySignature = AuthorizationHeader.parse(authorization).orElseThrow().parameters()
                .first(OAuthParameterNames.SIGNATURE).orElseThrow();

        OAuthSigner signer = c.ourSigner();
        OAuthRequest request = c.ourRequest();
        SignedParameters ours = signer.sign(request);
        String baseString = signer.baseString(request, ours);
        assertEquals(ours.signature(), jerseySignature, () -> "Jersey signs something else than " + baseString);

        if (c.credentials().threeLegged()) {
            ByteBuffer bytes = ByteBuffer.wrap(baseString.getBytes(StandardCharsets.US_ASCII));
            assertTrue(signer.signatureMethod().verify(bytes, jerseySignature, c.verifyingKeys()),
                    () -> "the signature does not verify over " + baseString);
            return;
        }
        Set<String> nonces = new HashSet<>();
        SignatureVerifier verifier = SignatureVerifier
                .builder(key -> key.equals(c.credentials().consumerKey()) ? Optional.of(c.verifyingKeys()) : Optional.empty())
                .nonceCheck((key, timestamp, nonce) -> nonces.add(key + '\n' + timestamp + '\n' + nonce))
                .clock(c.clock())
                .build();
        ParameterList form = new ParameterList();
        c.form().forEach(p -> form.add(p.name(), p.value()));
        VerifiedRequest verified = verifier.verify(IncomingRequest.builder(c.method(), c.url().render())
                .authorization(authorization).formParameters(form).body(c.body()).build());

        assertEquals(c.credentials().consumerKey(), verified.consumerKey());
        assertEquals(c.credentials().signatureMethod(), verified.signatureMethod());
        assertEquals(c.protocol().timestamp(), verified.timestamp());
        assertEquals(c.protocol().nonce(), verified.nonce());
        assertEquals(Set.of(c.credentials().consumerKey() + '\n' + c.protocol().timestamp() + '\n' + c.protocol().nonce()),
                nonces, "the nonce recorded");
        assertEquals(sorted(c.requestParameters().stream()), sorted(pairs(verified.parameters())
                .filter(p -> !p.name().startsWith(OAuthParameterNames.PREFIX))), "the signed request parameters");
    }

    /**
     * RFC 5849 section 3.4.1.3.1 parses the query as {@code application/x-www-form-urlencoded}
     * (HTML 4.01 section 17.13.4), where {@code =v} is the pair with the empty name and the value
     * {@code v}; it is signed like any other. Jersey's {@code UriComponent.decodeQuery}, which its
     * server hands to the signature code, drops such a pair, so the generator never puts an empty
     * name in a query (it does in forms).
     */
    @Example
    void aQueryPairWithAnEmptyNameIsSigned() throws Exception {
        OAuthSigner signer = exampleSigner("HMAC-SHA1").build();
        OAuthRequest request = OAuthRequest.builder("GET", "http://example.com/?=v&a=1").build();
        SignedParameters signed = signer.sign(request);

        assertEquals("GET&http%3A%2F%2Fexample.com%2F&%3Dv%26a%3D1%26oauth_consumer_key%3Dkey%26oauth_nonce%3Dnonce"
                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131200", signer.baseString(request, signed));
        assertFalse(jerseyVerifies("GET", "http://example.com/?=v&a=1", signed.authorizationHeader(), "secret"));
        OAuthRequest withoutEmptyName = OAuthRequest.builder("GET", "http://example.com/?a=1").build();
        assertTrue(jerseyVerifies("GET", "http://example.com/?a=1", signer.sign(withoutEmptyName).authorizationHeader(),
                "secret"));
    }

    /**
     * RFC 5849 section 3.4.4: the PLAINTEXT signature is the <em>encoded</em> consumer secret and
     * token secret joined by {@code &}. The values are the example of OAuth Core 1.0 section 9.4.1,
     * whose header form is {@code djr9rjt0jd78jf88%26jjd99%2524tj88uiths3}. Jersey's PlaintextMethod
     * joins the raw secrets, so the generator gives PLAINTEXT only secrets of unreserved characters.
     */
    @Example
    void plaintextSignsTheEncodedSecrets() throws Exception {
        OAuthSigner signer = OAuthSigner.builder("dpf43f3p2l4k3l03").signatureMethod("PLAINTEXT")
                .consumerSecret("djr9rjt0jd78jf88").build();
        OAuthRequest request = OAuthRequest.builder("GET", "https://photos.example.net/photos")
                .token(AccessToken.of("nnch734d00sl2jdk", "jjd99$tj88uiths3")).build();
        SignedParameters signed = signer.sign(request);

        assertEquals("djr9rjt0jd78jf88&jjd99%24tj88uiths3", signed.signature());
        assertTrue(signed.authorizationHeader().contains("oauth_signature=\"djr9rjt0jd78jf88%26jjd99%2524tj88uiths3\""),
                signed.authorizationHeader());
        JerseyOAuth1.Request jersey = new JerseyOAuth1.Request("GET", "https://photos.example.net/photos", List.of(), null);
        OAuth1Parameters parameters = new OAuth1Parameters().consumerKey("dpf43f3p2l4k3l03")
                .token("nnch734d00sl2jdk").signatureMethod(PlaintextMethod.NAME);
        assertEquals("djr9rjt0jd78jf88&jjd99$tj88uiths3", JERSEY.generate(jersey, parameters,
                new OAuth1Secrets().consumerSecret("djr9rjt0jd78jf88").tokenSecret("jjd99$tj88uiths3")));
    }

    /**
     * RFC 5849 section 3.4.1.2: {@code GET /?q=1} to {@code www.example.net:8080} over https has
     * the base string URI {@code https://www.example.net:8080/}; a request target is never empty, so
     * a URL written without a path is signed with {@code /}. Jersey appends {@code URL.getPath()},
     * which is empty then, so the generator always writes a path.
     */
    @Example
    void anEmptyPathIsSignedAsSlash() throws Exception {
        OAuthSigner signer = exampleSigner("HMAC-SHA1").build();
        OAuthRequest withoutPath = OAuthRequest.builder("GET", "https://www.example.net:8080?q=1").build();
        OAuthRequest withSlash = OAuthRequest.builder("GET", "https://www.example.net:8080/?q=1").build();
        SignedParameters signed = signer.sign(withoutPath);

        assertTrue(signer.baseString(withoutPath, signed).startsWith("GET&https%3A%2F%2Fwww.example.net%3A8080%2F&"),
                signer.baseString(withoutPath, signed));
        assertEquals(signer.baseString(withSlash, signed), signer.baseString(withoutPath, signed));
        assertFalse(jerseyVerifies("GET", "https://www.example.net:8080?q=1", signed.authorizationHeader(), "secret"));
        assertTrue(jerseyVerifies("GET", "https://www.example.net:8080/?q=1", signed.authorizationHeader(), "secret"));
    }

    /**
     * RFC 5849 section 3.5.1: the realm is an RFC 2617 quoted-string, in which {@code "} and
     * {@code \} are escaped as quoted-pairs and {@code %} is just a character; section 3.4.1.3.1
     * leaves it out of the signature. Jersey splits the header with a regular expression that knows
     * no quoted-pair, so it keeps the backslashes, and percent-decodes the realm, so a {@code %} makes
     * the whole header unreadable; the generator's realms avoid these three characters.
     */
    @Example
    void theRealmIsAQuotedStringThatIsNotSigned() throws Exception {
        String url = "http://example.com/photos?size=original";
        OAuthRequest request = OAuthRequest.builder("GET", url).build();
        SignedParameters withoutRealm = exampleSigner("HMAC-SHA1").build().sign(request);
        SignedParameters quoted = exampleSigner("HMAC-SHA1").realm("Photos \"2\" \\ all").build().sign(request);
        SignedParameters percent = exampleSigner("HMAC-SHA1").realm("100% sure").build().sign(request);

        assertEquals(withoutRealm.signature(), quoted.signature());
        assertTrue(quoted.authorizationHeader().startsWith("OAuth realm=\"Photos \\\"2\\\" \\\\ all\", "),
                quoted.authorizationHeader());
        assertEquals("Photos \"2\" \\ all", AuthorizationHeader.parse(quoted.authorizationHeader()).orElseThrow().realm());
        assertEquals("100% sure", AuthorizationHeader.parse(percent.authorizationHeader()).orElseThrow().realm());

        JerseyOAuth1.Request quotedToJersey = new JerseyOAuth1.Request("GET", url, List.of(), quoted.authorizationHeader());
        assertEquals("Photos \\\"2\\\" \\\\ all", new OAuth1Parameters().readRequest(quotedToJersey).getRealm());
        JerseyOAuth1.Request percentToJersey = new JerseyOAuth1.Request("GET", url, List.of(), percent.authorizationHeader());
        assertThrows(IllegalArgumentException.class, () -> new OAuth1Parameters().readRequest(percentToJersey));
    }

    private static OAuthSigner.Builder exampleSigner(String method) {
        return OAuthSigner.builder("key").signatureMethod(method).consumerSecret("secret").includeVersion(false)
                .clock(Clock.fixed(Instant.ofEpochSecond(137131200), ZoneOffset.UTC)).nonces(() -> "nonce");
    }

    private static boolean jerseyVerifies(String method, String url, String authorization, String consumerSecret)
            throws Exception {
        JerseyOAuth1.Request request = new JerseyOAuth1.Request(method, url, List.of(), authorization);
        return JERSEY.verify(request, new OAuth1Parameters().readRequest(request),
                new OAuth1Secrets().consumerSecret(consumerSecret));
    }

    private static void collectStatistics(Case c) {
        List<Param> query = c.url().decodedQuery();
        List<Param> all = c.requestParameters();
        Set<String> queryNames = new HashSet<>();
        query.forEach(p -> queryNames.add(p.name()));
        Statistics.label("signature method").collect(c.credentials().signatureMethod())
                .coverage(check -> Stream.of("HMAC-SHA1", "PLAINTEXT", "RSA-SHA1")
                        .forEach(name -> check.check(name).percentage(p -> p >= 20)));
        Statistics.label("legs").collect(c.credentials().legs())
                .coverage(check -> Stream.of("2-legged", "2-legged, empty oauth_token", "3-legged")
                        .forEach(legs -> check.check(legs).percentage(p -> p >= 5)));
        Statistics.label("transport").collect(c.protocol().transport())
                .coverage(check -> Stream.of(Transport.values()).forEach(t -> check.check(t).percentage(p -> p >= 10)));
        feature("a name repeats", all.stream().map(Param::name).distinct().count() < all.size(), 10);
        feature("a name is in both query and form", c.form().stream().anyMatch(p -> queryNames.contains(p.name())), 10);
        feature("an empty value", all.stream().anyMatch(p -> p.value().isEmpty()), 20);
        feature("a supplementary character",
                Stream.concat(all.stream().flatMap(p -> Stream.of(p.name(), p.value())),
                        Stream.of(c.credentials().consumerKey(), c.credentials().consumerSecret(), c.protocol().nonce()))
                        .anyMatch(s -> s.codePoints().anyMatch(Character::isSupplementaryCodePoint)), 20);
        feature("a '+' for a space in the query", c.url().query().stream().anyMatch(QueryPair::plusForSpace), 5);
        feature("a lower-case HTTP method", !c.method().equals(c.method().toUpperCase(Locale.ROOT)), 20);
        feature("a percent-escape in the path", c.url().path().contains("%"), 20);
        feature("a body hash", c.body() != null, 5);
    }

    private static void feature(String label, boolean present, double minimumPercent) {
        Statistics.label(label).collect(present).coverage(check -> check.check(true).percentage(p -> p >= minimumPercent));
    }

    private static Stream<Param> pairs(ParameterList list) {
        List<Param> pairs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            pairs.add(new Param(list.name(i), list.value(i)));
        }
        return pairs.stream();
    }

    private static List<String> sorted(Stream<Param> pairs) {
        return pairs.map(p -> p.name() + '\u0000' + p.value()).sorted().toList();
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<Case> requests() {
        Arbitrary<List<Param>> form = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(List.of())),
                Tuple.of(2, Combinators.combine(formName(), text(0, 5, ATOMS)).as(Param::new).list().ofMinSize(1).ofMaxSize(5)));
        return Combinators.combine(Arbitraries.of(METHODS), urls(), form, credentials(), protocols()).as(Case::new);
    }

    private static Arbitrary<Url> urls() {
        Arbitrary<String> scheme = Arbitraries.of("http", "https", "HTTP", "Https", "hTTpS");
        Arbitrary<String> userInfo = Arbitraries.of("user@", "user:p%40ss@").injectNull(0.9);
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').ofLength(1)
                .flatMap(first -> Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                        .numeric().withChars('-').ofMaxLength(6).map(rest -> first + rest))
                .filter(l -> !l.endsWith("-"));
        Arbitrary<String> host = Arbitraries.frequencyOf(
                Tuple.of(8, label.list().ofMinSize(1).ofMaxSize(3).map(labels -> String.join(".", labels))),
                Tuple.of(1, Arbitraries.of("127.0.0.1", "[::1]", "[2001:DB8::A]")));
        Arbitrary<String> authority = Combinators.combine(scheme, userInfo, host,
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(1, 65535))
                .as((s, user, h, portKind, port) -> s + "://" + (user == null ? "" : user) + h + port(s, portKind, port));
        Arbitrary<String> path = Combinators.combine(text(0, 4, ATOMS).list().ofMaxSize(4), Arbitraries.integers().between(0, 15))
                .as(JerseyCrossCheckTest::path);
        Arbitrary<List<QueryPair>> query = Combinators.combine(queryName(), text(0, 5, ATOMS), Arbitraries.integers().between(0, 127))
                .as(QueryPair::new).list().ofMaxSize(6);
        Arbitrary<String> fragment = Arbitraries.strings().alpha().ofMaxLength(4).map(f -> "#" + f).injectNull(0.85);
        return Combinators.combine(authority, path, query, fragment)
                .as((a, p, q, f) -> new Url(a, p, q, f == null ? "" : f));
    }

    /** No port, an empty port, the scheme's default port, the other scheme's default port, or any port. */
    private static String port(String scheme, int kind, int port) {
        boolean https = scheme.equalsIgnoreCase("https");
        return switch (kind) {
            case 0 -> "";
            case 1 -> ":";
            case 2 -> https ? ":443" : ":80";
            case 3 -> https ? ":80" : ":443";
            default -> ":" + port;
        };
    }

    /**
     * Never empty: Jersey signs {@code URL.getPath()} as it is, without the {@code /} that RFC 5849
     * section 3.4.1.2 signs for an empty path; see {@link #anEmptyPathIsSignedAsSlash()}.
     */
    private static String path(List<String> segments, int style) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append('/');
            escape(segment, style, PATH_SUB_DELIMS, false, path);
        }
        return path.isEmpty() || (style & 8) != 0 ? path.append('/').toString() : path.toString();
    }

    /**
     * Writes a URL component: unreserved characters as they are, the given sub-delimiters and
     * non-ASCII characters as they are or escaped, a space as {@code +} or {@code %20}, and the rest
     * escaped in upper- or lower-case hex; the bits of {@code style} choose.
     */
    private static void escape(String text, int style, String subDelims, boolean plusForSpace, StringBuilder out) {
        text.codePoints().forEach(c -> {
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else if (c == ' ' && plusForSpace) {
                out.append('+');
            } else if ((style & 1) != 0 && c < 128 && subDelims.indexOf(c) >= 0) {
                out.append((char) c);
            } else if ((style & 2) != 0 && c >= 128 && !Character.isSpaceChar(c) && !Character.isISOControl(c)) {
                out.appendCodePoint(c);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format((style & 4) != 0 ? "%%%02x" : "%%%02X", b & 0xFF));
                }
            }
        });
    }

    /**
     * Query names are never empty: Jersey drops a pair like {@code =v}, which RFC 5849 section
     * 3.4.1.3.1 signs; see {@link #aQueryPairWithAnEmptyNameIsSigned()}.
     */
    private static Arbitrary<String> queryName() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(COMMON_NAMES)), Tuple.of(2, text(1, 4, ATOMS)))
                .filter(name -> !name.startsWith(OAuthParameterNames.PREFIX));
    }

    private static Arbitrary<String> formName() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(COMMON_NAMES)), Tuple.of(2, text(0, 4, ATOMS)))
                .filter(name -> !name.startsWith(OAuthParameterNames.PREFIX));
    }

    private static Arbitrary<Credentials> credentials() {
        return Arbitraries.of("HMAC-SHA1", "PLAINTEXT", "RSA-SHA1").flatMap(method -> {
            // Jersey's PlaintextMethod joins the raw secrets where RFC 5849 section 3.4.4 joins the
            // encoded ones; see plaintextSignsTheEncodedSecrets().
            List<String> secretAtoms = method.equals("PLAINTEXT") ? UNRESERVED_ATOMS : ATOMS;
            Arbitrary<String> token = Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.just((String) null)),
                    Tuple.of(1, Arbitraries.just("")),
                    Tuple.of(5, text(1, 6, ATOMS)));
            return Combinators.combine(text(1, 6, ATOMS), text(0, 6, secretAtoms), token, text(0, 6, secretAtoms))
                    .as((key, secret, t, tokenSecret) -> new Credentials(method, key, secret, t,
                            t == null || t.isEmpty() ? null : tokenSecret));
        });
    }

    private static Arbitrary<Protocol> protocols() {
        Arbitrary<String> realm = text(0, 5, REALM_ATOMS).injectNull(0.6);
        Arbitrary<String> extra = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just((String) null)),
                Tuple.of(1, Arbitraries.of("oob", "https://client.example/cb?x=1&y=a b&z=é")),
                Tuple.of(2, text(0, 6, ATOMS)));
        Arbitrary<Transport> transport = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Transport.HEADER)),
                Tuple.of(2, Arbitraries.just(Transport.QUERY)),
                Tuple.of(2, Arbitraries.just(Transport.FORM)));
        Arbitrary<String> body = Arbitraries.strings().withCharRange('\u0000', '\u00FF').ofMaxLength(40).injectNull(0.5);
        return Combinators.combine(realm, Arbitraries.of(true, false), Arbitraries.longs().between(1, 4_102_444_800L),
                text(1, 6, ATOMS), extra, transport, body).as(Protocol::new);
    }

    /** Text made of 0 to {@code max} pieces: runs of letters and digits, or pieces from {@code atoms}. */
    private static Arbitrary<String> text(int minPieces, int maxPieces, List<String> atoms) {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(3), Arbitraries.of(atoms))
                .list().ofMinSize(minPieces).ofMaxSize(maxPieces).map(pieces -> String.join("", pieces));
    }

    // ---------------------------------------------------------------- the generated request

    /** Where the protocol parameters travel: RFC 5849 section 3.5. */
    enum Transport { HEADER, QUERY, FORM }

    /** A query pair and how it is written: the bits of {@code style} choose escapes and separators. */
    record QueryPair(String name, String value, int style) {

        boolean plusForSpace() {
            return (style & 8) != 0 && (name.contains(" ") || value.contains(" "));
        }

        void render(StringBuilder out) {
            if ((style & 16) != 0) {
                out.append('&');
            }
            escape(name, style, QUERY_SUB_DELIMS, (style & 8) != 0, out);
            if (!value.isEmpty() || (style & 32) == 0) {
                out.append('=');
                escape(value, style, QUERY_SUB_DELIMS, (style & 8) != 0, out);
            }
            if ((style & 64) != 0) {
                out.append('&');
            }
        }
    }

    record Url(String authority, String path, List<QueryPair> query, String fragment) {

        String render() {
            StringBuilder url = new StringBuilder(authority).append(path);
            for (int i = 0; i < query.size(); i++) {
                url.append(i == 0 ? '?' : '&');
                query.get(i).render(url);
            }
            return url.append(fragment).toString();
        }

        List<Param> decodedQuery() {
            return query.stream().map(p -> new Param(p.name(), p.value())).toList();
        }
    }

    record Credentials(String signatureMethod, String consumerKey, String consumerSecret, String token,
                       String tokenSecret) {

        boolean rsa() {
            return signatureMethod.equals("RSA-SHA1");
        }

        boolean threeLegged() {
            return token != null && !token.isEmpty();
        }

        String legs() {
            return threeLegged() ? "3-legged" : token == null ? "2-legged" : "2-legged, empty oauth_token";
        }
    }

    /**
     * The protocol side: realm, whether {@code oauth_version} is sent, timestamp, nonce, the value of
     * {@code oauth_callback} (2-legged) or {@code oauth_verifier} (3-legged) when there is one, the
     * transport, and a body to hash (as ISO-8859-1 text, so any byte) when the request has no form.
     */
    record Protocol(String realm, boolean version, long timestamp, String nonce, String extra, Transport transport,
                    String body) {
    }

    record Case(String method, Url url, List<Param> form, Credentials credentials, Protocol protocol) {

        String extraName() {
            return credentials.threeLegged() ? OAuth1Parameters.VERIFIER : OAuth1Parameters.CALLBACK;
        }

        byte[] body() {
            boolean fits = protocol.body() != null && form.isEmpty() && protocol.transport() != Transport.FORM;
            return fits ? protocol.body().getBytes(StandardCharsets.ISO_8859_1) : null;
        }

        Clock clock() {
            return Clock.fixed(Instant.ofEpochSecond(protocol.timestamp()), ZoneOffset.UTC);
        }

        List<Param> requestParameters() {
            List<Param> all = new ArrayList<>(url.decodedQuery());
            all.addAll(form);
            return all;
        }

        OAuthSigner ourSigner() {
            OAuthSigner.Builder signer = OAuthSigner.builder(credentials.consumerKey())
                    .signatureMethod(credentials.signatureMethod()).realm(protocol.realm())
                    .includeVersion(protocol.version()).clock(clock()).nonces(protocol::nonce);
            return credentials.rsa() ? signer.privateKey(RSA_KEYS.getPrivate()).build()
                    : signer.consumerSecret(credentials.consumerSecret()).build();
        }

        OAuthRequest ourRequest() {
            OAuthRequest.Builder request = OAuthRequest.builder(method, url.render());
            form.forEach(p -> request.formParameter(p.name(), p.value()));
            if (credentials.token() != null) {
                request.token(AccessToken.of(credentials.token(), credentials.tokenSecret() == null ? "" : credentials.tokenSecret()));
            }
            if (protocol.extra() != null) {
                request.protocolParameter(extraName(), protocol.extra());
            }
            if (body() != null) {
                request.bodyHashOf(body());
            }
            return request.build();
        }

        SigningKeys verifyingKeys() {
            return credentials.rsa() ? SigningKeys.ofPublicKey(RSA_KEYS.getPublic())
                    : SigningKeys.ofSecrets(credentials.consumerSecret(), credentials.tokenSecret());
        }

        OAuth1Parameters jerseyParameters() throws NoSuchAlgorithmException {
            OAuth1Parameters parameters = new OAuth1Parameters().consumerKey(credentials.consumerKey())
                    .token(credentials.token()).signatureMethod(credentials.signatureMethod())
                    .timestamp(Long.toString(protocol.timestamp())).nonce(protocol.nonce()).realm(protocol.realm());
            if (protocol.version()) {
                parameters.version();
            }
            if (protocol.extra() != null) {
                parameters.put(extraName(), protocol.extra());
            }
            if (body() != null) {
                parameters.put(OAuthParameterNames.BODY_HASH,
                        Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(body())));
            }
            return parameters;
        }

        OAuth1Secrets jerseySecrets(boolean signing) {
            String consumerSecret = !credentials.rsa() ? credentials.consumerSecret()
                    : signing ? JERSEY_RSA_SIGNING_SECRET : JERSEY_RSA_VERIFYING_SECRET;
            return new OAuth1Secrets().consumerSecret(consumerSecret).tokenSecret(credentials.tokenSecret());
        }
    }
}
