package io.github.oauthconsumer.it.validation;

import io.github.oauthconsumer.api.ValidateSignature;
import io.github.oauthconsumer.api.ValidatedRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code @ValidateSignature} on a class covers each of its resource methods. */
@Path("class-level")
@RequestScoped
@ValidateSignature("hmac")
@Produces(MediaType.TEXT_PLAIN)
public class ClassLevelResource {

    @Inject
    ValidatedRequest validated;

    @GET
    public String get() {
        return "consumerKey=" + validated.consumerKey() + "\n";
    }
}
