package io.github.oauthconsumer.cluster;

import jakarta.enterprise.inject.Instance;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Just enough of a servlet request and response for the stores bound to a browser or a principal. */
final class FakeServletRequests {

    private FakeServletRequests() {
    }

    /** A request of the application at {@code /app} with these cookies and this principal (or null). */
    static HttpServletRequest request(Principal principal, Cookie... cookies) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(FakeServletRequests.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCookies" -> cookies.length == 0 ? null : cookies;
                    case "getUserPrincipal" -> principal;
                    case "getContextPath" -> "/app";
                    case "isSecure" -> false;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "toString" -> "FakeRequest";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A response that records the cookies added to it. */
    static HttpServletResponse response(List<Cookie> added) {
        return (HttpServletResponse) Proxy.newProxyInstance(FakeServletRequests.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "addCookie" -> added.add((Cookie) args[0]);
                    case "toString" -> "FakeResponse";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The {@code Instance<HttpServletRequest>} a store injects, giving whichever request {@code current} holds. */
    @SuppressWarnings("unchecked")
    static Instance<HttpServletRequest> instance(HttpServletRequest[] current) {
        return (Instance<HttpServletRequest>) Proxy.newProxyInstance(FakeServletRequests.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isResolvable" -> true;
                    case "get" -> current[0];
                    case "toString" -> "FakeInstance";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static List<Cookie> cookies() {
        return new ArrayList<>();
    }
}
