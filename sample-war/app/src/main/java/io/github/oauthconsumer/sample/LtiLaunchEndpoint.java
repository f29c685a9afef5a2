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
import jakarta.ws.rs.core.MediaType;

import static io.github.oauthconsumer.sample.Html.escape;

/**
 * The other direction: a request signed by someone else, here an LTI 1.1 launch as a learning
 * platform sends it (a form POST signed with HMAC-SHA1). The library lets it reach this method
 * only with a valid signature by the {@code demo} consumer key, a fresh timestamp and an unused
 * nonce; anything else gets 400 or 401 and the invalid-signature page.
 */
@Path("lti")
@RequestScoped
public class LtiLaunchEndpoint {

    @Inject
    ValidatedRequest signed;

    /** Shows who signed the launch and every parameter the signature covers. */
    @POST
    @ValidateSignature("demo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public String launch(@FormParam("user_id") String user, @FormParam("roles") String roles) {
        StringBuilder rows = new StringBuilder();
        signed.parameters().forEach((name, values) -> values.forEach(value -> rows
                .append("<tr><th>").append(escape(name)).append("</th><td class=\"value\" data-name=\"")
                .append(escape(name)).append("\">").append(escape(value)).append("</td></tr>\n")));
        return Html.page("Launch accepted", """
                <p>A request signed by consumer <code id="consumer-key">%s</code> with %s: welcome, user
                <code id="user">%s</code> (roles <code id="roles">%s</code>).</p>
                <h2>Signed parameters</h2>
                <table id="parameters">
                %s</table>
                """.formatted(escape(signed.consumerKey()), escape(signed.signatureMethod()), escape(user),
                escape(roles), rows));
    }
}
