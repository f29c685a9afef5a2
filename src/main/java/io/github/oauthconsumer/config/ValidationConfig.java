package io.github.oauthconsumer.config;

import io.github.oauthconsumer.core.InMemoryNonceStore;
import io.github.oauthconsumer.core.SignatureMethods;
import io.github.oauthconsumer.spi.SigningKeys;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The MicroProfile Config of {@code @ValidateSignature} beyond {@link ConfigKeys}: two global
 * settings ({@value #NONCE_STORE_CAPACITY}, {@value #MAX_BODY_SIZE}), and the consumer keys that
 * may sign requests to a name, with the secret or public key of each: the name's own
 * {@code consumer-key}, and the accepted consumers listed under it, so that one endpoint can serve
 * several platforms:
 *
 * <pre>
 * oauth1.lti.accepted-consumers=moodle,canvas
 * oauth1.lti.accepted-consumer.moodle.consumer-key=moodle.example.edu
 * oauth1.lti.accepted-consumer.moodle.consumer-secret=...
 * oauth1.lti.accepted-consumer.canvas.consumer-key=...
 * oauth1.lti.accepted-consumer.canvas.public-key-location=/etc/tool/canvas.pem
 * </pre>
 *
 * Each entry has an alias (letters, digits, {@code -}, {@code _}) so that consumer keys with dots,
 * colons or slashes never have to be part of a property name, and the usual environment-variable
 * mapping works ({@code OAUTH1_LTI_ACCEPTED_CONSUMER_MOODLE_CONSUMER_SECRET}). An entry takes the
 * keys of a consumer: {@code consumer-key}, {@code consumer-secret}, {@code public-key},
 * {@code public-key-location} and {@code signature-method} (which of secret and public key to use
 * when both are set).
 */
public final class ValidationConfig {

    /** How many unexpired nonces the default nonce store keeps, for all names together. */
    public static final String NONCE_STORE_CAPACITY = "oauth1.nonce-store.capacity";
    /** The largest request body, in bytes, that is read to verify a request; larger ones get 413. */
    public static final String MAX_BODY_SIZE = "oauth1.validation.max-body-size";
    /** The default of {@link #MAX_BODY_SIZE}: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_SIZE = 1 << 20;

    /** The key listing the aliases of the accepted consumers, under {@code oauth1.<name>.}. */
    public static final String ACCEPTED_CONSUMERS = "accepted-consumers";
    /** The prefix of one accepted consumer's keys, {@code oauth1.<name>.accepted-consumer.<alias>.}. */
    public static final String ACCEPTED_CONSUMER = "accepted-consumer";

    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]+");

    private ValidationConfig() {
    }

    /**
     * Reads the consumer keys accepted for one name.
     *
     * @param config      the configuration
     * @param classLoader the loader for key locations on the class path
     * @param own         the name's own, resolved consumer
     * @return the keys by consumer key, or the problems found, each naming its key
     */
    public static Result keys(Config config, ClassLoader classLoader, ConsumerDefinition own) {
        String name = own.name();
        Map<String, SigningKeys> keys = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        verifyingKeys(own).ifPresent(ownKeys -> keys.put(own.config().consumerKey(), ownKeys));
        ConsumerConfigResolver resolver = new ConsumerConfigResolver(config, classLoader);
        String listKey = ConfigKeys.key(name, ACCEPTED_CONSUMERS);
        for (String alias : aliases(config.getOptionalValue(listKey, String.class).orElse(""))) {
            if (!ALIAS.matcher(alias).matches()) {
                problems.add(listKey + " lists '" + alias + "', which is not an alias: use letters, digits, '-' and '_'");
                continue;
            }
            ConsumerConfigResolver.Result accepted = resolver.resolve(name + "." + ACCEPTED_CONSUMER + "." + alias, null,
                    EnumSet.of(Usage.VALIDATION));
            if (!accepted.isValid()) {
                problems.addAll(accepted.problems());
                continue;
            }
            ConsumerDefinition definition = accepted.definition();
            String consumerKey = definition.config().consumerKey();
            if (keys.containsKey(consumerKey)) {
                problems.add(ConfigKeys.key(definition.name(), ConfigKeys.CONSUMER_KEY)
                        + " repeats a consumer key that " + ConfigKeys.PREFIX + name + ".* already accepts");
                continue;
            }
            verifyingKeys(definition).ifPresent(found -> keys.put(consumerKey, found));
        }
        return new Result(problems.isEmpty() ? Collections.unmodifiableMap(keys) : Map.of(), List.copyOf(problems));
    }

    /**
     * The default nonce store's capacity.
     *
     * @param defaultCapacity the capacity when the key is not set
     * @throws IllegalArgumentException naming the key, when its value is not a positive integer or
     *                                  is above {@link InMemoryNonceStore#MAX_CAPACITY}
     */
    public static int nonceStoreCapacity(Config config, int defaultCapacity) {
        int capacity = positive(config, NONCE_STORE_CAPACITY, defaultCapacity);
        if (capacity > InMemoryNonceStore.MAX_CAPACITY) {
            throw new IllegalArgumentException(NONCE_STORE_CAPACITY + " must be at most " + InMemoryNonceStore.MAX_CAPACITY
                    + ", not " + capacity);
        }
        return capacity;
    }

    /**
     * The largest body read for verification, in bytes.
     *
     * @throws IllegalArgumentException naming the key, when its value is not a positive integer
     */
    public static int maxBodySize(Config config) {
        return positive(config, MAX_BODY_SIZE, DEFAULT_MAX_BODY_SIZE);
    }

    /** The problems of the global settings, each naming its key; empty when they are fine. */
    public static List<String> globalProblems(Config config) {
        List<String> problems = new ArrayList<>();
        try {
            nonceStoreCapacity(config, 1);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        try {
            maxBodySize(config);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    private static int positive(Config config, String key, int defaultValue) {
        Optional<String> text = config.getOptionalValue(key, String.class);
        if (text.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.get().trim());
        } catch (NumberFormatException notANumber) {
            value = 0;
        }
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be a positive whole number, not '" + text.get() + "'");
        }
        return value;
    }

    /**
     * The key that verifies a consumer's requests: its public key when its signature method is an
     * RSA one or when it has no secret, otherwise its secret; empty when it has neither.
     */
    static Optional<SigningKeys> verifyingKeys(ConsumerDefinition consumer) {
        String secret = consumer.config().consumerSecret();
        boolean rsa = SignatureMethods.usesRsaKeys(consumer.signatureMethod());
        if (consumer.publicKey().isPresent() && (rsa || secret == null)) {
            return Optional.of(SigningKeys.ofPublicKey(consumer.publicKey().get()));
        }
        return secret == null ? Optional.empty() : Optional.of(SigningKeys.ofSecrets(secret, null));
    }

    private static List<String> aliases(String list) {
        List<String> aliases = new ArrayList<>();
        for (String alias : list.split(",")) {
            if (!alias.isBlank()) {
                aliases.add(alias.trim());
            }
        }
        return aliases;
    }

    /**
     * The keys of one name, or what prevents them.
     *
     * @param keys     the signing keys by consumer key; empty when there are problems
     * @param problems every problem found, each naming its key
     */
    public record Result(Map<String, SigningKeys> keys, List<String> problems) {

        /** Whether the keys were read without problems. */
        public boolean isValid() {
            return problems.isEmpty();
        }
    }
}
