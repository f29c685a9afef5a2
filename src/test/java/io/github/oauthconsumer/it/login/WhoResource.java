package io.github.oauthconsumer.it.login;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

/** Who the caller is, as JAX-RS sees it. */
@Path("who")
public class WhoResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String who(@Context SecurityContext security) {
        Principal principal = security.getUserPrincipal();
        return "principal=" + (principal == null ? "" : principal.getName()) + "\n"
                + "instructor=" + security.isUserInRole("Instructor") + "\n";
    }
}
