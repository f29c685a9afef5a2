package io.github.oauthconsumer.testprovider;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.oauth1.signature.OAuth1Request;
import org.glassfish.jersey.oauth1.signature.OAuth1Secrets;
import org.glassfish.jersey.oauth1.signature.OAuth1Signature;
import org.glassfish.jersey.oauth1.signature.OAuth1SignatureException;
import org.glassfish.jersey.server.oauth1.internal.OAuthServerRequest;

/**
 * Answers as providers that print the base string they computed: when Jersey's filter refuses a
 * request on a protected resource with its bare 401 and Jersey's {@link OAuth1Signature} finds the
 * signature invalid (with the consumer's secret and the access token's), the answer becomes
 * {@code oauth_problem=signature_invalid} with {@code oauth_signature_base_string}, the base string
 * Jersey computed (read from its private {@code baseString}, there being no public way). Off unless
 * {@link ProviderModes#reportsBaseStrings()}.
 */
@Priority(Priorities.AUTHENTICATION)
final class BaseStringReport implements ContainerResponseFilter {

    private final ProviderModes modes;
    private final TokenStore store;

    @Inject
    private OAuth1Signature signature;

    BaseStringReport(ProviderModes modes, TokenStore store) {
        this.modes = modes;
        this.store = store;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (!modes.reportsBaseStrings() || response.getStatus() != 401 || response.hasEntity() || authorization == null) {
            return;
        }
        OAuthServerRequest oauthRequest = new OAuthServerRequest(request);
        OAuth1Parameters params = new OAuth1Parameters().readRequest(oauthRequest);
        TokenStore.Consumer consumer = store.getConsumer(params.getConsumerKey());
        if (consumer == null) {
            return;
        }
        TokenStore.AccessToken token = params.getToken() == null ? null : store.getAccessToken(params.getToken());
        OAuth1Secrets secrets = new OAuth1Secrets().consumerSecret(consumer.getSecret())
                .tokenSecret(token == null ? null : token.getSecret());
        try {
            if (signature.verify(oauthRequest, params, secrets)) {
                return;
            }
        } catch (OAuth1SignatureException e) {
            return;
        }
        Response report = Problems.unauthorized("signature_invalid", "oauth_signature_base_string",
                jerseysBaseString(oauthRequest, params));
        response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, report.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
        response.setEntity(report.getEntity(), new Annotation[0], report.getMediaType());
    }

    private String jerseysBaseString(OAuth1Request request, OAuth1Parameters params) {
        try {
            Method baseString = OAuth1Signature.class.getDeclaredMethod("baseString", OAuth1Request.class, OAuth1Parameters.class);
            baseString.setAccessible(true);
            return (String) baseString.invoke(signature, request, params);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Jersey's OAuth1Signature no longer has baseString(request, params)", e);
        }
    }
}
