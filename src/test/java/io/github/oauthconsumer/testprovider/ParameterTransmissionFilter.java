package io.github.oauthconsumer.testprovider;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.uri.UriComponent;

/**
 * RFC 5849 3.5.2 / 3.5.3 (OAuth parameters in the form body or the query) for Jersey, whose
 * filter only looks at requests with an OAuth {@code Authorization} header. When a request has no
 * {@code Authorization} header but carries {@code oauth_signature} in its query or form body, this
 * copies its {@code oauth_*} parameters into a synthesized header. Jersey then verifies the request
 * as usual: its base string skips query/form {@code oauth_*} parameters already in the header, so
 * the signature is checked over exactly what was sent.
 * {@link RecordedExchange#authorization()} still shows the request as received (no header).
 */
@PreMatching
@Priority(2)
final class ParameterTransmissionFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return;
        }
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>(request.getUriInfo().getQueryParameters());
        MediaType type = request.getMediaType();
        if (request.hasEntity() && type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            ContainerRequest jerseyRequest = (ContainerRequest) request;
            jerseyRequest.bufferEntity();
            jerseyRequest.readEntity(Form.class).asMap().forEach(params::addAll);
        }
        if (!params.containsKey(OAuth1Parameters.SIGNATURE)) {
            return;
        }
        StringJoiner header = new StringJoiner(", ", OAuth1Parameters.SCHEME + " ", "");
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            if (param.getKey().startsWith("oauth_") && !param.getValue().isEmpty()) {
                header.add(UriComponent.encode(param.getKey(), UriComponent.Type.UNRESERVED) + "=\""
                        + UriComponent.encode(param.getValue().get(0), UriComponent.Type.UNRESERVED) + '"');
            }
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, header.toString());
    }
}
