package io.github.oauthconsumer.sample;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Who the current user is. The sample has no login: a user is a random id kept in the long-lived
 * cookie {@value #COOKIE}, which {@link SampleUserFilter} sets on the first visit. A real
 * application would use its login (the caller principal) instead; the token store would not change.
 */
@RequestScoped
public class SampleUser {

    /** The cookie that carries the id. */
    static final String COOKIE = "sample-user";
    /** The request attribute where {@link SampleUserFilter} puts the id for the rest of the request. */
    static final String ATTRIBUTE = SampleUser.class.getName();

    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpServletRequest request;

    /** The current user's id. */
    public String id() {
        if (request.getAttribute(ATTRIBUTE) instanceof String id) {
            return id;
        }
        throw new IllegalStateException("no sample user: " + SampleUserFilter.class.getSimpleName()
                + " did not run for " + request.getRequestURI());
    }

    /** The id the request's cookie carries, or null when it has none (or not one this application made). */
    static String fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && ID.matcher(cookie.getValue()).matches()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** A new random id: 128 bits, so that nobody guesses another user's. */
    static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
