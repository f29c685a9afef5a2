package io.github.oauthconsumer.store;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A random identifier of one browser (256 bits, in an {@code HttpOnly}, {@code SameSite=Lax}
 * session cookie), for the stores that cannot use the HTTP session because the next request may
 * reach another node (the shared stores of {@code oauth1.store=jcache}). It binds a pending
 * authorization to the browser that started it, wherever the provider sends that browser back, as
 * the HTTP session does on one node; it is the anonymous user's key to their access tokens.
 *
 * <p>It is created only while the flow's servlet answers (it runs its work in
 * {@link #creatableDuring(HttpServletResponse, Supplier)}): elsewhere it is only read. The stores
 * keep only digests of it and keys derived from it, never the identifier itself.
 */
public final class BrowserIds {

    /** The cookie's name. */
    public static final String COOKIE = "OAUTH1_BROWSER";

    private static final String ATTRIBUTE = BrowserIds.class.getName();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<HttpServletResponse> RESPONSE = new ThreadLocal<>();

    private BrowserIds() {
    }

    /** Runs {@code work} so that {@link #currentOrNew} can set the cookie on {@code response}. */
    public static <T> T creatableDuring(HttpServletResponse response, Supplier<T> work) {
        HttpServletResponse outer = RESPONSE.get();
        RESPONSE.set(response);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                RESPONSE.remove();
            } else {
                RESPONSE.set(outer);
            }
        }
    }

    /** The current browser's identifier, if it has one (a cookie that is not well formed is ignored). */
    public static Optional<String> current(Instance<HttpServletRequest> request) {
        HttpServletRequest current = request(request);
        return current == null ? Optional.empty() : current(current);
    }

    /**
     * The current browser's identifier, created now (and its cookie set) when it has none.
     *
     * @throws ContextNotActiveException when there is no request, or when the identifier is missing
     *                                   outside the flow's servlet, where no cookie can be set
     */
    public static String currentOrNew(Instance<HttpServletRequest> request) {
        HttpServletRequest current = request(request);
        if (current == null) {
            throw new ContextNotActiveException("no HTTP request is active: there is no browser to keep OAuth state for");
        }
        Optional<String> known = current(current);
        if (known.isPresent()) {
            return known.get();
        }
        HttpServletResponse response = RESPONSE.get();
        if (response == null) {
            throw new ContextNotActiveException("this browser has no " + COOKIE + " cookie yet; it is set when the"
                    + " browser goes through the OAuth authorization flow");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Cookie cookie = new Cookie(COOKIE, id);
        cookie.setHttpOnly(true);
        cookie.setSecure(current.isSecure());
        cookie.setPath(current.getContextPath().isEmpty() ? "/" : current.getContextPath());
        cookie.setAttribute("SameSite", "Lax"); // sent on the provider's redirect back, a top-level GET
        response.addCookie(cookie);
        current.setAttribute(ATTRIBUTE, id);
        return id;
    }

    private static Optional<String> current(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String created) {
            return Optional.of(created);
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null
                        && WELL_FORMED.matcher(cookie.getValue()).matches()) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static HttpServletRequest request(Instance<HttpServletRequest> request) {
        if (!request.isResolvable()) {
            return null;
        }
        try {
            HttpServletRequest current = request.get();
            current.getContextPath(); // a proxy outside a request fails here
            return current;
        } catch (ContextNotActiveException outsideRequest) {
            return null;
        }
    }
}
