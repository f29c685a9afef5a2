package io.github.oauthconsumer.client;

import io.github.oauthconsumer.api.OAuthConsumer;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Signs every MicroProfile Rest Client whose interface is annotated {@link OAuthConsumer}: the
 * consumer's {@link OAuthSigningFilter} is registered when the client is built, so the interface
 * needs no {@code @RegisterProvider}. Loaded by the Rest Client implementation through
 * {@link java.util.ServiceLoader}.
 */
public class SignedRestClientListener implements RestClientListener {

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        OAuthConsumer consumer = serviceInterface.getAnnotation(OAuthConsumer.class);
        if (consumer != null && !builder.getConfiguration().isRegistered(OAuthSigningFilter.class)) {
            builder.register(new OAuthSigningFilter(consumer.value()));
        }
    }
}
