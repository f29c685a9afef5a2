package io.github.oauthconsumer.sample;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;

/**
 * Gives every visitor a {@link SampleUser} id: read from the {@value SampleUser#COOKIE} cookie, or
 * new and sent as that cookie (one year, HTTP only, {@code SameSite=Lax} so that it comes back with
 * the provider's redirect to the callback).
 */
@WebFilter(filterName = "sample-user", urlPatterns = "/*", asyncSupported = true)
public class SampleUserFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final int ONE_YEAR = (int) Duration.ofDays(365).toSeconds();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = SampleUser.fromCookie(request);
        if (id == null) {
            id = SampleUser.newId();
            Cookie cookie = new Cookie(SampleUser.COOKIE, id);
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setMaxAge(ONE_YEAR);
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        request.setAttribute(SampleUser.ATTRIBUTE, id);
        // the pages show the user's token: no cache may keep them
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
