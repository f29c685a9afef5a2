package io.github.oauthconsumer.it.login;

import io.github.oauthconsumer.api.ValidatedRequest;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The launch path: a launch the login accepted gets here as its caller, with the verified form. It
 * counts the requests it gets ({@link LaunchesServlet}), so that a test can show a refused launch
 * never reaches it.
 */
@WebServlet("/launch")
public class LaunchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext security;

    @Inject
    transient ValidatedRequest launch;

    /** The requests this servlet answered. */
    static final AtomicInteger RUNS = new AtomicInteger();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RUNS.incrementAndGet();
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(Who.of(request, security)
                + "consumerKey=" + launch.consumerKey() + "\n"
                + "form.user_id=" + request.getParameter("user_id") + "\n"
                + "form.resource_link_title=" + request.getParameter("resource_link_title") + "\n");
    }
}
