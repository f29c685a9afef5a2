package io.github.oauthconsumer.load;

import io.github.oauthconsumer.api.ValidateSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Pairs of endpoints that do the same work; the first of each pair checks the signature with
 * {@code @ValidateSignature}, the second does not. The load generator sends both the same signed
 * requests, so the difference in throughput is the cost of the check.
 */
@Path("/")
@ApplicationScoped
@Produces(MediaType.TEXT_PLAIN)
public class Endpoints {

    @GET
    @Path("validated/get")
    @ValidateSignature("bench")
    public String validatedGet(@QueryParam("item") String item) {
        return "item " + item;
    }

    @GET
    @Path("plain/get")
    public String plainGet(@QueryParam("item") String item) {
        return "item " + item;
    }

    @POST
    @Path("validated/form")
    @ValidateSignature("bench")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String validatedForm(@FormParam("user_id") String user) {
        return "user " + user;
    }

    @POST
    @Path("plain/form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String plainForm(@FormParam("user_id") String user) {
        return "user " + user;
    }
}
