package io.github.oauthconsumer.sample;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;
import java.util.stream.Collectors;

import static io.github.oauthconsumer.sample.Html.escape;

/**
 * The LTI tool's page for the rest of the session after a launch: who is logged in, with which
 * roles, as JAX-RS's {@link SecurityContext} tells it.
 */
@Path("tool")
public class ToolPage {

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String tool(@Context SecurityContext security) {
        if (security.getUserPrincipal() == null) {
            return Html.page("The tool", """
                    <p id="anonymous">Nobody is logged in: open the tool from your learning platform (the home page's
                    LTI launches).</p>
                    """);
        }
        return Html.page("The tool", caller(security));
    }

    /** Who the container says is logged in, with the LTI roles it knows them in, and where they may go. */
    static String caller(SecurityContext security) {
        Principal principal = security.getUserPrincipal();
        String roles = LtiLogin.ROLES.stream().filter(security::isUserInRole).collect(Collectors.joining(", "));
        return """
                <h2>Logged in</h2>
                <p>You are <code id="principal">%s</code>, in the roles <code id="caller-roles">%s</code>
                (<code>getUserPrincipal()</code> and <code>isUserInRole</code>: the launch logged you in through
                Jakarta Security).</p>
                <ul>
                    <li><a id="tool" href="tool">The tool's page</a>, which knows you for the rest of the session.</li>
                    <li><a id="instructor-page" href="../lti/instructor">The instructors' page</a>: only the role
                        <code>Instructor</code> may see it.</li>
                </ul>
                """.formatted(escape(principal == null ? "" : principal.getName()), escape(roles));
    }
}
