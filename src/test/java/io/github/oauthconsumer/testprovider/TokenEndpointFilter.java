package io.github.oauthconsumer.testprovider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.oauth1.signature.OAuth1Secrets;
import org.glassfish.jersey.oauth1.signature.OAuth1Signature;
import org.glassfish.jersey.oauth1.signature.OAuth1SignatureException;
import org.glassfish.jersey.oauth1.signature.PlaintextMethod;
import org.glassfish.jersey.server.oauth1.OAuth1Token;
import org.glassfish.jersey.server.oauth1.internal.OAuthServerRequest;

/**
 * What Jersey's token endpoints leave out: they check no timestamp and no nonce, they know
 * nothing of the OAuth Session extension, and they answer only POSTs. This filter runs before them
 * and
 * <ul>
 * <li>refuses a replayed nonce or a timestamp more than 300 s off (as Jersey does on protected
 * resources);</li>
 * <li>answers a renewal itself: a request to the access-token URL that carries
 * {@code oauth_session_handle}. Its signature is verified by Jersey's {@link OAuth1Signature} with
 * the consumer secret and the <em>old</em> token's secret, over the request as Jersey's own
 * {@link OAuthServerRequest} presents it;</li>
 * <li>when the provider's token endpoints answer GETs ({@link ProviderModes}), answers the GETs
 * itself as Jersey's resources answer POSTs (the same checks, Jersey's {@link OAuth1Signature}),
 * and refuses POSTs with 405.</li>
 * </ul>
 * Everything else goes on to Jersey's {@code RequestTokenResource} / {@code AccessTokenResource}.
 * Before matching, so that a GET reaches it although Jersey's resources take only POSTs.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class TokenEndpointFilter implements ContainerRequestFilter {

    private static final long MAX_CLOCK_SKEW_SECONDS = 300;

    private final TokenStore store;
    private final ProviderModes modes;
    private final Map<String, Long> seenNonces = new ConcurrentHashMap<>();

    @Inject
    private OAuth1Signature signature;

    TokenEndpointFilter(TokenStore store, ProviderModes modes) {
        this.store = store;
        this.modes = modes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean accessTokenEndpoint = JerseyOAuthProvider.ACCESS_TOKEN_PATH.equals(path);
        if (!(accessTokenEndpoint || JerseyOAuthProvider.REQUEST_TOKEN_PATH.equals(path))) {
            return;
        }
        boolean get = HttpMethod.GET.equals(modes.tokenRequestMethod());
        if (!request.getMethod().equals(modes.tokenRequestMethod())) {
            if (get) {
                request.abortWith(Response.status(Response.Status.METHOD_NOT_ALLOWED).allow(HttpMethod.GET).build());
            }
            return; // Jersey answers a GET to its POST resources with 405
        }
        OAuthServerRequest oauthRequest = new OAuthServerRequest(request);
        OAuth1Parameters params = new OAuth1Parameters().readRequest(oauthRequest);

        Response refused = checkTimestampAndNonce(params);
        if (refused != null) {
            request.abortWith(refused);
        } else if (accessTokenEndpoint && params.get(TokenStore.SESSION_HANDLE) != null) {
            request.abortWith(renew(oauthRequest, params));
        } else if (get) {
            request.abortWith(accessTokenEndpoint ? accessToken(oauthRequest, params) : requestToken(oauthRequest, params));
        }
    }

    /** Jersey's {@code RequestTokenResource}, for a GET: every request parameter is kept with the token. */
    private Response requestToken(OAuthServerRequest request, OAuth1Parameters params) {
        TokenStore.Consumer consumer = store.getConsumer(params.getConsumerKey());
        if (consumer == null) {
            return Problems.unauthorized("consumer_key_unknown");
        }
        if (params.getToken() != null && !params.getToken().isEmpty()) {
            return Problems.badRequest("parameter_rejected", "oauth_parameters_rejected", "oauth_token");
        }
        Response invalid = verify(request, params, consumer.getSecret(), "");
        if (invalid != null) {
            return invalid;
        }
        MultivaluedMap<String, String> attributes = new MultivaluedHashMap<>();
        request.getParameterNames().forEach(name -> attributes.put(name, request.getParameterValues(name)));
        TokenStore.RequestToken token = (TokenStore.RequestToken) store.newRequestToken(consumer.getKey(),
                params.getCallback(), attributes);
        Map<String, List<String>> answer = new LinkedHashMap<>();
        answer.put(OAuth1Parameters.TOKEN, List.of(token.getToken()));
        answer.put(OAuth1Parameters.TOKEN_SECRET, List.of(token.getSecret()));
        answer.put(OAuth1Parameters.CALLBACK_CONFIRMED, List.of(Boolean.toString(modes.callbackConfirmed())));
        return form(answer);
    }

    /** Jersey's {@code AccessTokenResource}, for a GET. */
    private Response accessToken(OAuthServerRequest request, OAuth1Parameters params) {
        TokenStore.Consumer consumer = store.getConsumer(params.getConsumerKey());
        if (consumer == null) {
            return Problems.unauthorized("consumer_key_unknown");
        }
        TokenStore.RequestToken requestToken = store.getRequestToken(params.getToken());
        if (requestToken == null || !requestToken.getConsumer().getKey().equals(consumer.getKey())) {
            return Problems.unauthorized("token_rejected");
        }
        Response invalid = verify(request, params, consumer.getSecret(), requestToken.getSecret());
        if (invalid != null) {
            return invalid;
        }
        OAuth1Token accessToken = store.newAccessToken(requestToken, params.getVerifier());
        if (accessToken == null) {
            return Problems.unauthorized("permission_denied");
        }
        Map<String, List<String>> answer = new LinkedHashMap<>();
        answer.put(OAuth1Parameters.TOKEN, List.of(accessToken.getToken()));
        answer.put(OAuth1Parameters.TOKEN_SECRET, List.of(accessToken.getSecret()));
        answer.putAll(accessToken.getAttributes());
        return form(answer);
    }

    /** Null when Jersey's {@link OAuth1Signature} accepts the signature; else the refusal. */
    private Response verify(OAuthServerRequest request, OAuth1Parameters params, String consumerSecret, String tokenSecret) {
        try {
            boolean valid = signature.verify(request, params,
                    new OAuth1Secrets().consumerSecret(consumerSecret).tokenSecret(tokenSecret));
            return valid ? null : Problems.unauthorized("signature_invalid");
        } catch (OAuth1SignatureException e) {
            return Problems.badRequest("signature_method_rejected");
        } catch (IllegalStateException e) {
            // Jersey's RSA-SHA1 throws this when the consumer has no certificate
            return Problems.unauthorized("signature_invalid");
        }
    }

    private static Response form(Map<String, List<String>> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, values) -> values.forEach(value -> body.add(Problems.encode(name) + "=" + Problems.encode(value))));
        return Response.ok(body.toString(), MediaType.APPLICATION_FORM_URLENCODED_TYPE).build();
    }

    private Response checkTimestampAndNonce(OAuth1Parameters params) {
        String timestamp = params.getTimestamp();
        String nonce = params.getNonce();
        if (timestamp == null || nonce == null) {
            // RFC 5849 3.1: both may be omitted with PLAINTEXT
            return PlaintextMethod.NAME.equals(params.getSignatureMethod()) ? null
                    : Problems.badRequest("parameter_absent", "oauth_parameters_absent",
                            timestamp == null ? "oauth_timestamp" : "oauth_nonce");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Problems.badRequest("timestamp_refused");
        }
        long now = (System.currentTimeMillis() + modes.clockAhead().toMillis()) / 1000;
        if (Math.abs(now - seconds) > MAX_CLOCK_SKEW_SECONDS) {
            return Problems.unauthorized("timestamp_refused", "oauth_acceptable_timestamps",
                    (now - MAX_CLOCK_SKEW_SECONDS) + "-" + (now + MAX_CLOCK_SKEW_SECONDS));
        }
        seenNonces.values().removeIf(seen -> Math.abs(now - seen) > 2 * MAX_CLOCK_SKEW_SECONDS);
        String key = params.getConsumerKey() + '\n' + timestamp + '\n' + nonce;
        if (seenNonces.putIfAbsent(key, seconds) != null) {
            return Problems.unauthorized("nonce_used");
        }
        return null;
    }

    private Response renew(OAuthServerRequest request, OAuth1Parameters params) {
        store.countRenewalAttempt();
        String consumerKey = params.getConsumerKey();
        String token = params.getToken();
        if (consumerKey == null || token == null || params.getSignature() == null) {
            return Problems.badRequest("parameter_absent", "oauth_parameters_absent",
                    consumerKey == null ? "oauth_consumer_key" : token == null ? "oauth_token" : "oauth_signature");
        }
        TokenStore.Consumer consumer = store.getConsumer(consumerKey);
        if (consumer == null) {
            return Problems.unauthorized("consumer_key_unknown");
        }
        TokenStore.AccessToken old = store.getAccessToken(token);
        if (old == null || !old.consumerKey().equals(consumerKey)) {
            return Problems.unauthorized("token_rejected");
        }
        OAuth1Secrets secrets = new OAuth1Secrets().consumerSecret(consumer.getSecret()).tokenSecret(old.getSecret());
        boolean valid;
        try {
            valid = signature.verify(request, params, secrets);
        } catch (OAuth1SignatureException e) {
            return Problems.badRequest("signature_method_rejected");
        } catch (IllegalStateException e) {
            // Jersey's RSA-SHA1 throws this when the consumer has no certificate
            valid = false;
        }
        if (!valid) {
            return Problems.unauthorized("signature_invalid");
        }
        if (!old.sessionHandle().equals(params.get(TokenStore.SESSION_HANDLE))) {
            return Problems.unauthorized("token_rejected");
        }
        if (old.isSessionOver()) {
            return Problems.unauthorized("permission_denied");
        }
        TokenStore.AccessToken fresh = store.renew(old);
        if (fresh == null) {
            return Problems.unauthorized("token_rejected");
        }
        StringBuilder body = new StringBuilder()
                .append(OAuth1Parameters.TOKEN).append('=').append(Problems.encode(fresh.getToken()))
                .append('&').append(OAuth1Parameters.TOKEN_SECRET).append('=').append(Problems.encode(fresh.getSecret()));
        fresh.getAttributes().forEach((name, values) -> values.forEach(
                value -> body.append('&').append(Problems.encode(name)).append('=').append(Problems.encode(value))));
        return Response.ok(body.toString(), MediaType.APPLICATION_FORM_URLENCODED_TYPE).build();
    }
}
