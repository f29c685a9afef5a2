package io.github.oauthconsumer.sample;

import io.github.oauthconsumer.api.ValidateSignature;
import io.github.oauthconsumer.api.ValidatedRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import static io.github.oauthconsumer.sample.Html.escape;

/**
 * A small LTI 1.1 tool. A launch is a request signed by someone else, a learning platform (here the
 * demo provider), as a form POST signed with HMAC-SHA1. {@link LtiLogin} logs its user in before
 * anything else runs, and only when the signature by the {@code demo} consumer key, the timestamp
 * and the nonce are valid; anything else gets 400 or 401 and the invalid-signature page.
 * {@code @ValidateSignature} keeps the endpoint checked without the login too; a request is never
 * checked twice. After the launch, {@link ToolPage} shows who is logged in, for the session.
 */
@Path("lti")
@RequestScoped
public class LtiLaunchEndpoint {

    @Inject
    ValidatedRequest signed;

    /** Shows who signed the launch, every parameter the signature covers, and who is now logged in. */
    @POST
    @ValidateSignature("demo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public String launch(@FormParam("user_id") String user, @FormParam("roles") String roles,
                         @Context SecurityContext security) {
        StringBuilder rows = new StringBuilder();
        signed.parameters().forEach((name, values) -> values.forEach(value -> rows
                .append("<tr><th>").append(escape(name)).append("</th><td class=\"value\" data-name=\"")
                .append(escape(name)).append("\">").append(escape(value)).append("</td></tr>\n")));
        return Html.page("Launch accepted", """
                <p>A request signed by consumer <code id="consumer-key">%s</code> with %s: welcome, user
                <code id="user">%s</code> (roles <code id="roles">%s</code>).</p>
                %s
                <h2>Signed parameters</h2>
                <table id="parameters">
                %s</table>
                """.formatted(escape(signed.consumerKey()), escape(signed.signatureMethod()), escape(user),
                escape(roles), ToolPage.caller(security), rows));
    }
}
