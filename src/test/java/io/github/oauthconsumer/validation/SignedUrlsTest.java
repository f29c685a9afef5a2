package io.github.oauthconsumer.validation;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignedUrlsTest {

    private static final URI BEHIND_PROXY = URI.create("http://10.0.0.5:8080/tool/api/launch?a=1&b=x%2By");

    @Test
    void withoutProxySettingsTheRequestUrlIsTheSignedOneWithItsRawPathAndQuery() {
        URI request = URI.create("http://127.0.0.1:8080/tool/api/a%2Fb/c+d?q=%C3%A9+x&q=2");

        assertEquals("http://127.0.0.1:8080/tool/api/a%2Fb/c+d?q=%C3%A9+x&q=2",
                SignedUrls.signedUrl(request, "/tool", null, null));
    }

    @Test
    void untrustedForwardedHeadersAreIgnored() {
        assertEquals("http://10.0.0.5:8080/tool/api/launch?a=1&b=x%2By",
                SignedUrls.signedUrl(BEHIND_PROXY, "/tool", null, null));
    }

    @Test
    void aPublicBaseUrlReplacesSchemeHostPortAndContextPath() {
        assertEquals("https://lti.example.edu/my-tool/api/launch?a=1&b=x%2By",
                SignedUrls.signedUrl(BEHIND_PROXY, "/tool", "https://lti.example.edu/my-tool/", null));
        assertEquals("https://lti.example.edu:8443/api/launch?a=1&b=x%2By",
                SignedUrls.signedUrl(BEHIND_PROXY, "/tool", "https://lti.example.edu:8443", null));
    }

    @Test
    void aPublicBaseUrlWinsOverForwardedHeaders() {
        assertEquals("https://lti.example.edu/api/launch?a=1&b=x%2By", SignedUrls.signedUrl(BEHIND_PROXY, "/tool",
                "https://lti.example.edu", headers("X-Forwarded-Host", "other.example.org")));
    }

    @Test
    void aPublicBaseUrlOfTheRootContextKeepsTheWholePath() {
        URI request = URI.create("http://10.0.0.5:8080/api/launch");

        assertEquals("https://lti.example.edu/api/launch", SignedUrls.signedUrl(request, "", "https://lti.example.edu", null));
    }

    @Test
    void xForwardedProtoAndHostReplaceSchemeAndHostAndTheDefaultPortIsDropped() {
        assertEquals("https://tool.example.edu/tool/api/launch?a=1&b=x%2By", SignedUrls.signedUrl(BEHIND_PROXY, "/tool", null,
                headers("X-Forwarded-Proto", "https", "X-Forwarded-Host", "tool.example.edu", "Host", "10.0.0.5:8080")));
    }

    @Test
    void xForwardedPortIsKeptWhenItIsNotTheSchemesDefault() {
        assertEquals("https://tool.example.edu:8443/tool/api/launch?a=1&b=x%2By", SignedUrls.signedUrl(BEHIND_PROXY, "/tool",
                null, headers("X-Forwarded-Proto", "https", "X-Forwarded-Host", "tool.example.edu", "X-Forwarded-Port", "8443")));
        assertEquals("https://tool.example.edu/tool/api/launch?a=1&b=x%2By", SignedUrls.signedUrl(BEHIND_PROXY, "/tool",
                null, headers("X-Forwarded-Proto", "https", "X-Forwarded-Host", "tool.example.edu:9000", "X-Forwarded-Port", "443")),
                "X-Forwarded-Port wins over a port in X-Forwarded-Host");
        assertEquals("http://tool.example.edu:9000/tool/api/launch?a=1&b=x%2By", SignedUrls.signedUrl(BEHIND_PROXY, "/tool",
                null, headers("X-Forwarded-Host", "tool.example.edu:9000")));
    }

    @Test
    void theFirstValueOfEachForwardedHeaderIsTheClientFacingOne() {
        assertEquals("https://public.example.edu/tool/api/launch?a=1&b=x%2By", SignedUrls.signedUrl(BEHIND_PROXY, "/tool", null,
                headers("X-Forwarded-Proto", "https, http", "X-Forwarded-Host", "public.example.edu, internal.lan")));
    }

    @Test
    void theForwardedHeaderIsReadFromItsFirstElementAndWinsOverXForwarded() {
        assertEquals("https://tool.example.edu/tool/api/launch?a=1&b=x%2By", SignedUrls.signedUrl(BEHIND_PROXY, "/tool", null,
                headers("Forwarded", "for=192.0.2.60;Proto=HTTPS;host=\"tool.example.edu\", for=10.0.0.1;proto=http;host=lb",
                        "X-Forwarded-Host", "ignored.example.org")));
    }

    @Test
    void withOnlyTheProtocolForwardedTheHostHeaderGivesHostAndPort() {
        assertEquals("https://tool.example.edu/tool/api/launch?a=1&b=x%2By", SignedUrls.signedUrl(BEHIND_PROXY, "/tool", null,
                headers("X-Forwarded-Proto", "https", "Host", "tool.example.edu")));
        assertEquals("https://tool.example.edu:8443/tool/api/launch?a=1&b=x%2By", SignedUrls.signedUrl(BEHIND_PROXY, "/tool",
                null, headers("X-Forwarded-Proto", "https", "Host", "tool.example.edu:8443")));
    }

    @Test
    void invalidForwardedValuesAreIgnored() {
        assertEquals("http://10.0.0.5:8080/tool/api/launch?a=1&b=x%2By", SignedUrls.signedUrl(BEHIND_PROXY, "/tool", null,
                headers("X-Forwarded-Proto", "javascript", "X-Forwarded-Host", "evil.example/path", "X-Forwarded-Port", "80a",
                        "Host", "10.0.0.5:8080")));
    }

    @Test
    void ipv6HostsKeepTheirBrackets() {
        assertEquals("https://[2001:db8::1]:8443/tool/api/launch?a=1&b=x%2By", SignedUrls.signedUrl(BEHIND_PROXY, "/tool", null,
                headers("X-Forwarded-Proto", "https", "X-Forwarded-Host", "[2001:db8::1]:8443")));
        assertEquals("https://[2001:db8::1]/tool/api/launch?a=1&b=x%2By", SignedUrls.signedUrl(BEHIND_PROXY, "/tool", null,
                headers("X-Forwarded-Proto", "https", "X-Forwarded-Host", "[2001:db8::1]")));
    }

    /** Header lookup by case-insensitive name, as JAX-RS does it. */
    private static UnaryOperator<String> headers(String... namesAndValues) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers::get;
    }
}
