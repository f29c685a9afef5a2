package io.github.oauthconsumer.sample;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import static io.github.oauthconsumer.sample.Html.escape;

/**
 * A page only an {@code Instructor} may see: a security constraint the container enforces for the
 * caller an LTI launch logged in ({@link LtiLogin}). Anyone else gets 401 (nobody logged in) or 403
 * (another role) from the container.
 */
@WebServlet("/lti/instructor")
@ServletSecurity(@HttpConstraint(rolesAllowed = "Instructor"))
public class InstructorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Html.page("Instructors only", """
                <p id="instructor">Welcome, instructor <code id="principal">%s</code>. Learners never see this page.</p>
                """.formatted(escape(request.getUserPrincipal().getName()))));
    }
}
