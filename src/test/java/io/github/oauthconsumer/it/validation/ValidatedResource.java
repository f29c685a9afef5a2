package io.github.oauthconsumer.it.validation;

import io.github.oauthconsumer.api.ValidateSignature;
import io.github.oauthconsumer.api.ValidatedRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.Map;
import java.util.TreeMap;

/**
 * Endpoints behind {@code @ValidateSignature}, one per consumer name of the deployment's
 * configuration. Each answers with what it received, one {@code name=value} line each, so that the
 * test sees what reached the resource method.
 */
@Path("v")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class ValidatedResource {

    @Inject
    ValidatedRequest validated;

    @Inject
    CountingNonceStore nonceStore;

    @GET
    @Path("hmac")
    @ValidateSignature("hmac")
    public String get() {
        return echo(Map.of());
    }

    @GET
    @Path("explained")
    @ValidateSignature("explained")
    public String explained() {
        return echo(Map.of());
    }

    @POST
    @Path("hmac/form-param")
    @ValidateSignature("hmac")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String formParam(@FormParam("greeting") String greeting) {
        return echo(Map.of("form.greeting", String.valueOf(greeting)));
    }

    @POST
    @Path("hmac/form-map")
    @ValidateSignature("hmac")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String formMap(MultivaluedMap<String, String> form) {
        Map<String, String> received = new TreeMap<>();
        form.forEach((name, values) -> received.put("form." + name, String.join(",", values)));
        return echo(received);
    }

    @POST
    @Path("hmac/json")
    @ValidateSignature("hmac")
    @Consumes(MediaType.APPLICATION_JSON)
    public String json(String body) {
        return echo(Map.of("body", body));
    }

    @POST
    @Path("strict/json")
    @ValidateSignature("strict")
    @Consumes(MediaType.APPLICATION_JSON)
    public String strictJson(String body) {
        return echo(Map.of("body", body));
    }

    @POST
    @Path("lti")
    @ValidateSignature("lti")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String launch(@FormParam("lti_message_type") String messageType, @FormParam("lti_version") String version,
                         @FormParam("resource_link_id") String resourceLink, @FormParam("user_id") String user,
                         @FormParam("roles") String roles) {
        return echo(Map.of("form.lti_message_type", messageType, "form.lti_version", version,
                "form.resource_link_id", resourceLink, "form.user_id", user, "form.roles", roles));
    }

    @GET
    @Path("proxied")
    @ValidateSignature("proxied")
    public String proxied() {
        return echo(Map.of());
    }

    @GET
    @Path("direct")
    @ValidateSignature("direct")
    public String direct() {
        return echo(Map.of());
    }

    @GET
    @Path("public")
    @ValidateSignature("public")
    public String publicBaseUrl() {
        return echo(Map.of());
    }

    @GET
    @Path("paged")
    @ValidateSignature("paged")
    public String paged() {
        return echo(Map.of());
    }

    @GET
    @Path("nonces-registered")
    public String noncesRegistered() {
        return "registered=" + nonceStore.registered() + "\n";
    }

    @GET
    @Path("open")
    public String open() {
        return "validated=" + validated.isValidated() + "\n";
    }

    private String echo(Map<String, String> received) {
        StringBuilder out = new StringBuilder()
                .append("consumerName=").append(validated.consumerName()).append('\n')
                .append("consumerKey=").append(validated.consumerKey()).append('\n')
                .append("signatureMethod=").append(validated.signatureMethod()).append('\n')
                .append("nonce=").append(validated.nonce()).append('\n');
        validated.parameters().forEach((name, values) -> out.append("signed.").append(name).append('=')
                .append(String.join(",", values)).append('\n'));
        new TreeMap<>(received).forEach((name, value) -> out.append(name).append('=').append(value).append('\n'));
        return out.toString();
    }
}
