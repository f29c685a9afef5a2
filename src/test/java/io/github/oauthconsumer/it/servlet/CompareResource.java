package io.github.oauthconsumer.it.servlet;

import io.github.oauthconsumer.api.ValidateSignature;
import io.github.oauthconsumer.api.ValidatedRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code @ValidateSignature("hmac")} resources: {@code v/hmac}, whose refusals the servlet filter's
 * must equal, and {@code v/both}, which the servlet filter checks too (a request must not be
 * checked twice, or its nonce would be refused the second time).
 */
@Path("v")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class CompareResource {

    @Inject
    ValidatedRequest validated;

    @GET
    @Path("hmac")
    @ValidateSignature("hmac")
    public String hmac() {
        return "consumerKey=" + validated.consumerKey() + "\n";
    }

    @GET
    @Path("both")
    @ValidateSignature("hmac")
    public String both() {
        return "consumerKey=" + validated.consumerKey() + "\n";
    }
}
