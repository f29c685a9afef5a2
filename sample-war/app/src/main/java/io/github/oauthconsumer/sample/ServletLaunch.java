package io.github.oauthconsumer.sample;

import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.SignatureValidation;
import io.github.oauthconsumer.api.ValidatedRequest;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import static io.github.oauthconsumer.sample.Html.escape;

/**
 * The same launch received by a plain servlet, without JAX-RS and without the login: the servlet
 * checks the signature itself with {@link SignatureValidation}, before reading any parameter, then
 * reads the form with {@code getParameter} as any servlet does, and gets the values that were
 * verified.
 */
@WebServlet("/servlet/launch")
public class ServletLaunch extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SignatureValidation signatures;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        ValidatedRequest launch;
        try {
            launch = signatures.validate("demo");
        } catch (OAuthProblemException refused) {
            response.setStatus(refused.status());
            response.getWriter().write(Html.page("Launch refused", """
                    <p>The servlet refused the launch: <code id="problem">%s</code>.</p>
                    """.formatted(escape(refused.problem().code()))));
            return;
        }
        response.getWriter().write(Html.page("Launch checked by a servlet", """
                <p>A plain servlet checked this launch with <code>SignatureValidation.validate("demo")</code>: signed by
                consumer <code id="consumer-key">%s</code>, for user <code id="user">%s</code> with roles
                <code id="roles">%s</code> (read with <code>request.getParameter</code>).</p>
                """.formatted(escape(launch.consumerKey()), escape(request.getParameter("user_id")),
                escape(request.getParameter("roles")))));
    }
}
