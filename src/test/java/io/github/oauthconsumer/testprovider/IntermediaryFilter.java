package io.github.oauthconsumer.testprovider;

import java.net.URI;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;

/**
 * What a proxy or gateway between consumer and provider may do to a signed request, so that the
 * provider (Jersey) verifies another request than the one signed: present it under another host
 * (a proxy that rewrites {@code Host}), or add a query parameter after the signature was made.
 * Off unless {@link ProviderModes#seenHost()} or {@link ProviderModes#addedQueryParameter()} is set.
 */
@PreMatching
@Priority(3)
final class IntermediaryFilter implements ContainerRequestFilter {

    private final ProviderModes modes;

    IntermediaryFilter(ProviderModes modes) {
        this.modes = modes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String host = modes.seenHost();
        String[] added = modes.addedQueryParameter();
        if (host == null && added == null) {
            return;
        }
        UriBuilder base = request.getUriInfo().getBaseUriBuilder();
        UriBuilder uri = request.getUriInfo().getRequestUriBuilder();
        if (host != null) {
            base.host(host);
            uri.host(host);
        }
        if (added != null) {
            uri.queryParam(added[0], added[1]);
        }
        URI requestUri = uri.build();
        request.setRequestUri(base.build(), requestUri);
    }
}
