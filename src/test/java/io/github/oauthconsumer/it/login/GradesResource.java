package io.github.oauthconsumer.it.login;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A JAX-RS resource only instructors may call: {@code @RolesAllowed}, which each JAX-RS
 * implementation enforces once told to (see {@link LoginApplication}).
 */
@Path("grades")
public class GradesResource {

    @GET
    @RolesAllowed("Instructor")
    @Produces(MediaType.TEXT_PLAIN)
    public String grades() {
        return "grades\n";
    }
}
