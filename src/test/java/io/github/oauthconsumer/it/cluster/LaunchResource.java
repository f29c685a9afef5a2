package io.github.oauthconsumer.it.cluster;

import io.github.oauthconsumer.api.ValidateSignature;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A signed-launch endpoint (LTI 1.1 style) on every node; the nonce store is the cluster's. */
@Path("launch")
@ValidateSignature("lti")
@Produces(MediaType.TEXT_PLAIN)
public class LaunchResource {

    /** A launch signed in the {@code Authorization} header or the query. */
    @GET
    public String get(@QueryParam("user_id") String user) {
        return "accepted " + user;
    }

    /** A launch signed in the form body. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String post(@FormParam("user_id") String user) {
        return "accepted " + user;
    }
}
