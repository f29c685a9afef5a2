package io.github.oauthconsumer.demo.provider;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.oauth1.signature.OAuth1Secrets;
import org.glassfish.jersey.oauth1.signature.OAuth1Signature;
import org.glassfish.jersey.oauth1.signature.OAuth1SignatureException;
import org.glassfish.jersey.server.oauth1.OAuth1Consumer;
import org.glassfish.jersey.server.oauth1.OAuth1Token;
import org.glassfish.jersey.server.oauth1.internal.OAuthServerRequest;

/**
 * The token endpoints in the modes of {@link DemoSettings}, before Jersey's resources (which take
 * only POSTs) see the request:
 * <ul>
 * <li>{@code demo.token-request-method=GET}: GETs are answered here as Jersey's resources answer
 * POSTs (the same checks, its {@link OAuth1Signature}; renewals by {@link SessionRenewalFilter}), and
 * POSTs get 405; with {@code POST}, Jersey answers GETs with 405 itself;</li>
 * <li>{@code demo.callback=oob}: a request token asked for with any other {@code oauth_callback}
 * is refused with 400 {@code oauth_problem=parameter_rejected}, as E*TRADE wants {@code oob}, and
 * the answer says {@code oauth_callback_confirmed=false}, as E*TRADE's does when no callback is
 * registered for the consumer key.</li>
 * </ul>
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class TokenEndpointModeFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private final DemoOAuthProvider provider;
    private final DemoSettings settings;
    private final SessionRenewalFilter renewal;

    @Inject
    private OAuth1Signature signature;

    TokenEndpointModeFilter(DemoOAuthProvider provider, DemoSettings settings, SessionRenewalFilter renewal) {
        this.provider = provider;
        this.settings = settings;
        this.renewal = renewal;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean requestToken = DemoApplication.REQUEST_TOKEN_PATH.equals(path);
        if (!requestToken && !DemoApplication.ACCESS_TOKEN_PATH.equals(path)) {
            return;
        }
        boolean get = HttpMethod.GET.equals(settings.tokenRequestMethod());
        if (!request.getMethod().equals(settings.tokenRequestMethod())) {
            if (get) {
                request.abortWith(OAuthProblems.methodNotAllowed(HttpMethod.GET));
            }
            return;
        }
        OAuthServerRequest oauthRequest = new OAuthServerRequest(request);
        OAuth1Parameters params = new OAuth1Parameters().readRequest(oauthRequest);
        if (requestToken && settings.outOfBandOnly() && !OAuth1Parameters.NO_CALLBACK_URI_VALUE.equals(params.getCallback())) {
            request.abortWith(OAuthProblems.badRequest("parameter_rejected"));
        } else if (get) {
            String handle = params.get(DemoOAuthProvider.SESSION_HANDLE);
            request.abortWith(requestToken ? requestToken(oauthRequest, params)
                    : handle != null ? renewal.renew(oauthRequest, params, handle)
                    : accessToken(oauthRequest, params));
        }
    }

    /** Jersey's request-token resource confirms every callback: out of band only, this one does not. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (settings.outOfBandOnly() && DemoApplication.REQUEST_TOKEN_PATH.equals(request.getUriInfo().getPath())
                && response.getEntity() instanceof Form answer) {
            answer.asMap().putSingle(OAuth1Parameters.CALLBACK_CONFIRMED, "false");
        }
    }

    /** What Jersey's request-token resource does for a POST. */
    private Response requestToken(OAuthServerRequest request, OAuth1Parameters params) {
        OAuth1Consumer consumer = provider.getConsumer(params.getConsumerKey());
        if (consumer == null) {
            return OAuthProblems.unauthorized("consumer_key_unknown");
        }
        Response refused = verify(request, params, consumer.getSecret(), "");
        if (refused != null) {
            return refused;
        }
        MultivaluedMap<String, String> attributes = new MultivaluedHashMap<>();
        request.getParameterNames().forEach(name -> attributes.put(name, request.getParameterValues(name)));
        OAuth1Token token = provider.newRequestToken(consumer.getKey(), params.getCallback(), attributes);
        return Response.ok(new Form()
                .param(OAuth1Parameters.TOKEN, token.getToken())
                .param(OAuth1Parameters.TOKEN_SECRET, token.getSecret())
                .param(OAuth1Parameters.CALLBACK_CONFIRMED, Boolean.toString(!settings.outOfBandOnly())),
                MediaType.APPLICATION_FORM_URLENCODED_TYPE).build();
    }

    /** What Jersey's access-token resource does for a POST. */
    private Response accessToken(OAuthServerRequest request, OAuth1Parameters params) {
        OAuth1Token requestToken = provider.getRequestToken(params.getToken());
        if (requestToken == null || !requestToken.getConsumer().getKey().equals(params.getConsumerKey())) {
            return OAuthProblems.unauthorized("token_rejected");
        }
        Response refused = verify(request, params, requestToken.getConsumer().getSecret(), requestToken.getSecret());
        if (refused != null) {
            return refused;
        }
        OAuth1Token accessToken = provider.newAccessToken(requestToken, params.getVerifier());
        if (accessToken == null) {
            return OAuthProblems.unauthorized("permission_denied");
        }
        Form answer = new Form()
                .param(OAuth1Parameters.TOKEN, accessToken.getToken())
                .param(OAuth1Parameters.TOKEN_SECRET, accessToken.getSecret());
        accessToken.getAttributes().forEach((name, values) -> answer.asMap().put(name, List.copyOf(values)));
        return Response.ok(answer, MediaType.APPLICATION_FORM_URLENCODED_TYPE).build();
    }

    /** Null when Jersey's signature check accepts the request, else the refusal. */
    private Response verify(OAuthServerRequest request, OAuth1Parameters params, String consumerSecret, String tokenSecret) {
        try {
            return signature.verify(request, params, new OAuth1Secrets().consumerSecret(consumerSecret).tokenSecret(tokenSecret))
                    ? null : OAuthProblems.unauthorized("signature_invalid");
        } catch (OAuth1SignatureException e) {
            return OAuthProblems.badRequest("signature_method_rejected");
        }
    }
}
