package io.github.oauthconsumer.testprovider;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Form;

import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;

/**
 * Turns the {@code oauth_callback_confirmed=true} of Jersey's request-token answer into
 * {@code false} when the provider is switched so ({@link ProviderModes}), as E*TRADE answers.
 */
final class CallbackConfirmationFilter implements ContainerResponseFilter {

    private final ProviderModes modes;

    CallbackConfirmationFilter(ProviderModes modes) {
        this.modes = modes;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!modes.callbackConfirmed() && JerseyOAuthProvider.REQUEST_TOKEN_PATH.equals(request.getUriInfo().getPath())
                && response.getEntity() instanceof Form answer) {
            answer.asMap().putSingle(OAuth1Parameters.CALLBACK_CONFIRMED, "false");
        }
    }
}
