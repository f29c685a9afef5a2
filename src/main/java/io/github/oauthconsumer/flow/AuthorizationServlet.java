package io.github.oauthconsumer.flow;

import io.github.oauthconsumer.store.BrowserIds;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The access-token flow's HTTP resources, {@code GET <base path>/<name>/authorize},
 * {@code GET <base path>/<name>/callback} and, for out-of-band consumers, {@code GET} and
 * {@code POST <base path>/<name>/verifier}; {@link FlowInitializer} maps it. It reads the request,
 * runs {@link AuthorizationFlow} and writes its outcome: a redirect, a forward to an application
 * page, or one of the library's pages. Every answer is marked not to be cached nor to leak the URL
 * (which carries tokens) as a referrer.
 */
public class AuthorizationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AuthorizationServlet.class.getName());

    /** The servlet's registration name. */
    static final String NAME = "io.github.oauthconsumer.AuthorizationServlet";

    private transient AuthorizationFlows flows;

    @Override
    public void init() {
        flows = CDI.current().select(AuthorizationFlows.class).get();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        handle(request, response);
    }

    /** Only the verifier page takes a POST: the code the user pasted. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        handle(request, response);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        FlowOutcome outcome;
        try {
            // a shared store binds the flow to the browser with a cookie, set on this response
            outcome = BrowserIds.creatableDuring(response, () -> run(request));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "OAuth access-token flow failed at " + request.getRequestURI(), e);
            outcome = new FlowOutcome.Page(500, "Authorization failed",
                    "The authorization could not be completed because of an error in this application."
                            + " Nothing was stored.", null, null);
        }
        write(outcome, request, response);
    }

    private FlowOutcome run(HttpServletRequest request) {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().split("/", -1);
        if (parts.length != 3 || !parts[0].isEmpty() || parts[1].isEmpty()) {
            return notFound();
        }
        String name = parts[1];
        String origin = origin(request);
        if (origin == null) {
            return new FlowOutcome.Page(400, "Bad request", "The request's Host header is not a valid host.", null, null);
        }
        AuthorizationFlow.RequestBase base = new AuthorizationFlow.RequestBase(origin, request.getContextPath());
        if ("POST".equals(request.getMethod())) {
            return switch (parts[2]) {
                case FlowPaths.VERIFIER -> flows.flow().submitVerifier(base, name,
                        request.getParameter(FlowPaths.CSRF_PARAMETER), request.getParameter("oauth_verifier"));
                case FlowPaths.AUTHORIZE, FlowPaths.CALLBACK -> new FlowOutcome.Page(405, "Method not allowed",
                        "This page of the OAuth authorization flow is only read (GET), never sent a form.", null, null);
                default -> notFound();
            };
        }
        return switch (parts[2]) {
            case FlowPaths.AUTHORIZE -> flows.flow().start(base, name, request.getParameter(FlowPaths.NEXT_PARAMETER));
            case FlowPaths.CALLBACK -> flows.flow().callback(base, name, new AuthorizationFlow.CallbackParameters(
                    request.getParameter("oauth_token"), request.getParameter("oauth_verifier"),
                    request.getParameter("oauth_problem"), request.getParameter("denied")));
            case FlowPaths.VERIFIER -> flows.flow().verifierForm(base, name);
            default -> notFound();
        };
    }

    private static FlowOutcome notFound() {
        return new FlowOutcome.Page(404, "Not found", "There is no such page of the OAuth authorization flow.",
                null, null);
    }

    private static void write(FlowOutcome outcome, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (outcome instanceof FlowOutcome.Redirect redirect) {
            response.setStatus(redirect.status());
            response.setHeader("Location", redirect.location());
        } else if (outcome instanceof FlowOutcome.Forward forward) {
            RequestDispatcher page = request.getRequestDispatcher(forward.page());
            if (page == null) {
                LOG.log(Level.SEVERE, "the OAuth flow cannot forward to the page {0}", forward.page());
                write(new FlowOutcome.Page(500, "Authorization failed", "The page that comes next is missing.",
                        null, null), request, response);
                return;
            }
            forward.attributes().forEach(request::setAttribute);
            response.setStatus(forward.status());
            // through a wrapper: Open Liberty takes a dispatch of its own request object that carries
            // "Upgrade: h2c" for a second HTTP/2 upgrade, which waits forever
            page.forward(new HttpServletRequestWrapper(request), response);
        } else if (outcome instanceof FlowOutcome.Page page) {
            if (page.status() == 405) { // the one 405: a POST to a page that is only read
                response.setHeader("Allow", "GET");
            }
            writeHtml(response, page.status(), FlowPages.html(page));
        } else if (outcome instanceof FlowOutcome.VerifierForm form) {
            writeHtml(response, form.status(), FlowPages.html(form));
        }
    }

    private static void writeHtml(HttpServletResponse response, int status, String html) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(html);
    }

    /**
     * {@code scheme://host[:port]} as the client addressed this server, or null when the client
     * sent a {@code Host} that cannot be part of a URL.
     */
    static String origin(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = port == ("https".equalsIgnoreCase(scheme) ? 443 : 80);
        try {
            String origin = new URI(scheme, null, request.getServerName(), defaultPort ? -1 : port, null, null, null)
                    .toString();
            // read back, it must be an origin and nothing more: "a b" or "[::1" leave no host, "a/b",
            // "a?b", "a#b" or "u@a" would bring a path, query, fragment or user along
            URI parsed = new URI(origin);
            boolean onlyAnOrigin = parsed.getHost() != null && parsed.getRawUserInfo() == null
                    && parsed.getRawPath().isEmpty() && parsed.getRawQuery() == null && parsed.getRawFragment() == null;
            return onlyAnOrigin ? origin : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
