package io.github.oauthconsumer.validation;

import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.OAuthConsumerConfig;
import io.github.oauthconsumer.config.ConsumerDefinition;
import io.github.oauthconsumer.config.ConsumerDefinitions;
import io.github.oauthconsumer.config.ValidationConfig;
import io.github.oauthconsumer.monitoring.Monitor;
import io.github.oauthconsumer.core.SignatureMethods;
import io.github.oauthconsumer.core.SignatureVerifier;
import io.github.oauthconsumer.spi.ConsumerSecretLookup;
import io.github.oauthconsumer.spi.NonceStore;
import io.github.oauthconsumer.spi.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What {@code @ValidateSignature} needs at run time, built once per consumer name on first use:
 * the verifier (consumer keys, nonce store, timestamp window, accepted signature methods) and how
 * to find the URL that was signed.
 *
 * <p>Consumer keys are looked up first in MicroProfile Config (the name's own key and its accepted
 * consumers, see {@link ValidationConfig}), then in the application's {@link ConsumerSecretLookup}
 * bean, if it has one: one qualified {@code @OAuthConsumer("name")} for this name, or else one
 * without qualifier for every name. The application's beans ({@link ConsumerSecretLookup}, an
 * alternative {@link NonceStore}) are looked up through {@link CDI#current()}, which sees the
 * application's classes: some containers do not let beans of a library jar inject beans of
 * {@code WEB-INF/classes}. PLAINTEXT is accepted only when the name's
 * {@code signature-method} is PLAINTEXT: it sends the secret itself and may omit the nonce.
 */
@ApplicationScoped
public class SignatureValidators {

    private static final String PLAINTEXT = "PLAINTEXT";

    @Inject
    ConsumerDefinitions definitions;

    @Inject
    Instance<ServletContext> servletContext;

    @Inject
    Monitor monitor;

    private final ConcurrentMap<String, Validator> validators = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, SignatureCheck> checks = new ConcurrentHashMap<>();
    private volatile Integer maxBodySize;

    /**
     * The validator of one name.
     *
     * @throws IllegalStateException when the name's configuration is not usable
     */
    Validator validator(String name) {
        return validators.computeIfAbsent(name, this::create);
    }

    /** The signature check of one name, shared by every entry point that checks for it. */
    SignatureCheck check(String name) {
        return checks.computeIfAbsent(name, key -> new SignatureCheck(key, this));
    }

    /** Where the checks report what they accepted and refused. */
    Monitor monitor() {
        return monitor;
    }

    /** The largest body read for verification, in bytes. */
    int maxBodySize() {
        Integer size = maxBodySize;
        if (size == null) {
            size = ValidationConfig.maxBodySize(config());
            maxBodySize = size;
        }
        return size;
    }

    private Validator create(String name) {
        ConsumerDefinition definition = definitions.definition(name);
        OAuthConsumerConfig config = definition.config();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ValidationConfig.Result keys = ValidationConfig.keys(config(), loader, definition);
        if (!keys.isValid()) {
            throw new IllegalStateException("@ValidateSignature(\"" + name + "\") is not usable: "
                    + String.join("; ", keys.problems()));
        }
        CDI<Object> beans = CDI.current();
        ConsumerSecretLookup lookup = lookup(keys.keys(), applicationLookup(beans, name));
        NonceStore nonces = beans.select(NonceStore.class).get();
        Duration window = config.timestampWindow();
        SignatureVerifier.Builder verifier = SignatureVerifier.builder(lookup)
                .nonceCheck((consumerKey, timestamp, nonce) -> nonces.register(consumerKey, timestamp, nonce,
                        Instant.ofEpochSecond(timestamp).plus(window).plusSeconds(1)))
                .timestampWindow(window)
                .requireBodyHash(config.requireBodyHash())
                .explainRefusals(config.explainRefusals())
                .classLoader(loader);
        String method = definition.signatureMethod().name();
        if (!method.equals(PLAINTEXT)) {
            Set<String> allowed = new LinkedHashSet<>(SignatureMethods.builtInNames());
            allowed.remove(PLAINTEXT);
            allowed.add(method);
            verifier.allowedSignatureMethods(allowed);
        }
        return new Validator(name, verifier.build(), config.realm() != null ? config.realm() : name,
                config.publicBaseUrl(), config.trustForwardedHeaders(), config.invalidSignaturePage(), contextPath());
    }

    private static ConsumerSecretLookup lookup(Map<String, SigningKeys> configured, ConsumerSecretLookup application) {
        return consumerKey -> {
            SigningKeys keys = configured.get(consumerKey);
            if (keys != null || application == null) {
                return Optional.ofNullable(keys);
            }
            return application.find(consumerKey);
        };
    }

    /** The application's lookup for this name, or null when it has none. */
    private static ConsumerSecretLookup applicationLookup(CDI<Object> beans, String name) {
        for (Instance<ConsumerSecretLookup> candidate : List.of(
                beans.select(ConsumerSecretLookup.class, OAuthConsumer.Literal.of(name)),
                beans.select(ConsumerSecretLookup.class, Default.Literal.INSTANCE))) {
            if (candidate.isAmbiguous()) {
                throw new IllegalStateException("@ValidateSignature(\"" + name + "\") found several ConsumerSecretLookup beans;"
                        + " keep one, or qualify one with @OAuthConsumer(\"" + name + "\")");
            }
            if (candidate.isResolvable()) {
                return candidate.get();
            }
        }
        return null;
    }

    private String contextPath() {
        return servletContext.isResolvable() ? servletContext.get().getContextPath() : "";
    }

    private static Config config() {
        return ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
    }

    /**
     * One name's verifier and URL settings.
     *
     * @param name                  the consumer name
     * @param verifier              the verifier
     * @param realm                 the realm of {@code WWW-Authenticate}: the configured one, or the name
     * @param publicBaseUrl         the configured public base URL, or null
     * @param trustForwardedHeaders whether forwarded headers say which URL was signed
     * @param invalidSignaturePage  the page shown on refusal, or null
     * @param contextPath           the application's context path
     */
    record Validator(String name, SignatureVerifier verifier, String realm, String publicBaseUrl,
                     boolean trustForwardedHeaders, String invalidSignaturePage, String contextPath) {
    }
}
