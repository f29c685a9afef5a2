package io.github.oauthconsumer.it.validation;

import io.github.oauthconsumer.spi.ConsumerSecretLookup;
import io.github.oauthconsumer.spi.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The application's {@link ConsumerSecretLookup}: knows one platform that MicroProfile Config does
 * not, as a database of registered platforms would.
 */
@ApplicationScoped
public class PlatformDirectory implements ConsumerSecretLookup {

    static final String KEY = "directory-platform";
    static final String SECRET = "directory secret";

    @Override
    public Optional<SigningKeys> find(String consumerKey) {
        return KEY.equals(consumerKey) ? Optional.of(SigningKeys.ofSecrets(SECRET, null)) : Optional.empty();
    }
}
