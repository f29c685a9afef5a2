package io.github.oauthconsumer.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The provider's authorization URL (RFC 5849 section 2.2) as configured, with placeholders for
 * providers that do not take {@code oauth_token} in the query: {@value #TOKEN} for the request
 * token and {@value #CONSUMER_KEY} for the consumer key, each percent-encoded where it is filled in
 * (E*TRADE: {@code https://us.etrade.com/e/t/etws/authorize?key={consumer_key}&token={oauth_token}}).
 * Anything else in braces is refused, so that a typing error shows at deployment, not at the
 * provider. Immutable and thread-safe.
 */
public final class AuthorizationUrlTemplate {

    /** The request token's placeholder. */
    public static final String TOKEN = "{oauth_token}";
    /** The consumer key's placeholder. */
    public static final String CONSUMER_KEY = "{consumer_key}";

    private final List<String> parts;
    private final boolean hasToken;

    private AuthorizationUrlTemplate(List<String> parts) {
        this.parts = List.copyOf(parts);
        this.hasToken = parts.contains(TOKEN);
    }

    /**
     * Reads a configured authorization URL.
     *
     * @throws IllegalArgumentException naming the placeholder, when it has one this class does not
     *                                  know, or a brace that opens or closes none
     */
    public static AuthorizationUrlTemplate parse(String url) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < url.length()) {
            int open = url.indexOf('{', start);
            int stray = url.indexOf('}', start);
            if (stray >= 0 && (open < 0 || stray < open)) {
                throw new IllegalArgumentException("has a '}' that closes no placeholder");
            }
            if (open < 0) {
                parts.add(url.substring(start));
                break;
            }
            int close = url.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("has a '{' that opens no placeholder");
            }
            String placeholder = url.substring(open, close + 1);
            if (!placeholder.equals(TOKEN) && !placeholder.equals(CONSUMER_KEY)) {
                throw new IllegalArgumentException("has an unknown placeholder " + placeholder + "; known: "
                        + TOKEN + ", " + CONSUMER_KEY);
            }
            if (open > start) {
                parts.add(url.substring(start, open));
            }
            parts.add(placeholder);
            start = close + 1;
        }
        return new AuthorizationUrlTemplate(parts);
    }

    /** Whether the URL places the request token itself; otherwise {@code oauth_token} must be added to its query. */
    public boolean hasTokenPlaceholder() {
        return hasToken;
    }

    /** The URL with the placeholders filled in, each value percent-encoded (RFC 3986 unreserved characters stay). */
    public String expand(String requestToken, String consumerKey) {
        StringBuilder url = new StringBuilder();
        for (String part : parts) {
            url.append(switch (part) {
                case TOKEN -> PercentEncoding.encode(requestToken);
                case CONSUMER_KEY -> PercentEncoding.encode(consumerKey);
                default -> part;
            });
        }
        return url.toString();
    }
}
