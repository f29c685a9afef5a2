package io.github.oauthconsumer.config;

import io.github.oauthconsumer.api.OAuthConsumerConfig;
import io.github.oauthconsumer.api.Transport;
import io.github.oauthconsumer.core.AuthorizationUrlTemplate;
import io.github.oauthconsumer.core.CorrectedClock;
import io.github.oauthconsumer.core.OAuthSigner;
import io.github.oauthconsumer.core.ParameterList;
import io.github.oauthconsumer.core.PemKeys;
import io.github.oauthconsumer.core.SignatureMethods;
import io.github.oauthconsumer.spi.SignatureMethod;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link ConsumerDefinition} for one name from an optional produced
 * {@link OAuthConsumerConfig} and MicroProfile Config ({@code oauth1.<name>.*}, which wins), and
 * checks it for the ways the name is used. Every problem is collected, each naming the key to fix;
 * secrets and keys are never quoted.
 */
public final class ConsumerConfigResolver {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    private static final Set<String> TOKEN_REQUEST_METHODS = Set.of("POST", "GET");

    private final Config config;
    private final ClassLoader classLoader;

    /** A resolver reading this configuration and loading key locations and signature methods with this class loader. */
    public ConsumerConfigResolver(Config config, ClassLoader classLoader) {
        this.config = config;
        this.classLoader = classLoader;
    }

    /**
     * Resolves one consumer.
     *
     * @param name     the consumer name
     * @param produced the configuration an application producer gave, or null
     * @param usages   what the application does with the name
     * @return the definition, or the problems that prevent it
     */
    public Result resolve(String name, OAuthConsumerConfig produced, Set<Usage> usages) {
        List<String> problems = new ArrayList<>();
        OAuthConsumerConfig merged = merge(name, produced, problems);
        Optional<SignatureMethod> method = SignatureMethods.find(merged.signatureMethod(), classLoader);
        if (method.isEmpty()) {
            problems.add(key(name, ConfigKeys.SIGNATURE_METHOD) + " names an unknown signature method '"
                    + merged.signatureMethod() + "'; known: " + SignatureMethods.builtInNames());
        }
        if (merged.consumerKey() == null || merged.consumerKey().isBlank()) {
            problems.add(key(name, ConfigKeys.CONSUMER_KEY) + " is missing");
        }
        checkUrls(name, merged, usages, problems);
        checkPages(name, merged, problems);
        checkTokenRequestMethod(name, merged, problems);
        checkRequestTokenParameters(name, merged, problems);
        if (merged.maxClockOffset().isZero() || merged.maxClockOffset().isNegative()) {
            problems.add(key(name, ConfigKeys.CLOCK_SKEW_MAX_OFFSET) + " must be longer than zero; set "
                    + key(name, ConfigKeys.CLOCK_SKEW_CORRECTION) + "=false to turn the correction off");
        }
        boolean rsa = method.map(SignatureMethods::usesRsaKeys).orElse(false);
        boolean signs = usages.contains(Usage.SIGNING) || usages.contains(Usage.FLOW);
        PrivateKey privateKey = privateKey(name, merged, rsa && signs, problems);
        PublicKey publicKey = publicKey(name, merged, problems);
        if (!rsa && signs && merged.consumerSecret() == null) {
            problems.add(key(name, ConfigKeys.CONSUMER_SECRET) + " is missing (" + merged.signatureMethod()
                    + " signs with the consumer secret)");
        }
        if (usages.contains(Usage.VALIDATION) && !signs && merged.consumerSecret() == null && publicKey == null) {
            problems.add(key(name, ConfigKeys.CONSUMER_SECRET) + " or " + key(name, ConfigKeys.PUBLIC_KEY)
                    + " is missing (needed to verify incoming signatures)");
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        OAuthSigner signer = null;
        CorrectedClock clock = new CorrectedClock(Clock.systemUTC());
        if (rsa ? privateKey != null : merged.consumerSecret() != null) {
            signer = OAuthSigner.builder(merged.consumerKey())
                    .clock(clock)
                    .signatureMethod(method.get())
                    .consumerSecret(merged.consumerSecret())
                    .privateKey(privateKey)
                    .realm(merged.realm())
                    .build();
        }
        return new Result(new ConsumerDefinition(name, merged, method.get(), signer, publicKey, clock), List.of());
    }

    private OAuthConsumerConfig merge(String name, OAuthConsumerConfig produced, List<String> problems) {
        OAuthConsumerConfig.Builder builder = produced == null ? OAuthConsumerConfig.builder() : produced.toBuilder();
        string(name, ConfigKeys.CONSUMER_KEY, builder::consumerKey);
        string(name, ConfigKeys.CONSUMER_SECRET, builder::consumerSecret);
        string(name, ConfigKeys.SIGNATURE_METHOD, value -> builder.signatureMethod(value.trim()));
        string(name, ConfigKeys.PRIVATE_KEY, builder::privateKey);
        string(name, ConfigKeys.PRIVATE_KEY_LOCATION, builder::privateKeyLocation);
        optional(name, ConfigKeys.REALM, builder::realm);
        string(name, ConfigKeys.REQUEST_TOKEN_URL, builder::requestTokenUrl);
        string(name, ConfigKeys.AUTHORIZATION_URL, builder::authorizationUrl);
        string(name, ConfigKeys.ACCESS_TOKEN_URL, builder::accessTokenUrl);
        optional(name, ConfigKeys.CALLBACK_URL, builder::callbackUrl);
        duration(name, ConfigKeys.CONNECT_TIMEOUT, builder::connectTimeout, problems);
        duration(name, ConfigKeys.READ_TIMEOUT, builder::readTimeout, problems);
        optional(name, ConfigKeys.USER_AGENT, builder::userAgent);
        string(name, ConfigKeys.TRANSPORT, value -> {
            try {
                builder.transport(Transport.valueOf(value.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(key(name, ConfigKeys.TRANSPORT) + " must be header, query or body, not '" + value + "'");
            }
        });
        bool(name, ConfigKeys.BODY_HASH, builder::bodyHash, problems);
        optional(name, ConfigKeys.PAGE_AUTHORIZE, builder::authorizePage);
        optional(name, ConfigKeys.PAGE_SUCCESS, builder::successPage);
        optional(name, ConfigKeys.PAGE_REFUSED, builder::refusedPage);
        optional(name, ConfigKeys.REFUSED_URL, builder::refusedUrl);
        duration(name, ConfigKeys.PENDING_TIMEOUT, builder::pendingAuthorizationTimeout, problems);
        string(name, ConfigKeys.PUBLIC_KEY, builder::publicKey);
        string(name, ConfigKeys.PUBLIC_KEY_LOCATION, builder::publicKeyLocation);
        duration(name, ConfigKeys.TIMESTAMP_WINDOW, builder::timestampWindow, problems);
        bool(name, ConfigKeys.REQUIRE_BODY_HASH, builder::requireBodyHash, problems);
        optional(name, ConfigKeys.PUBLIC_BASE_URL, builder::publicBaseUrl);
        bool(name, ConfigKeys.TRUST_FORWARDED_HEADERS, builder::trustForwardedHeaders, problems);
        optional(name, ConfigKeys.PAGE_INVALID_SIGNATURE, builder::invalidSignaturePage);
        optional(name, ConfigKeys.REVOCATION_URL, builder::revocationUrl);
        string(name, ConfigKeys.TOKEN_REQUEST_METHOD, value -> builder.tokenRequestMethod(value.trim().toUpperCase(Locale.ROOT)));
        optional(name, ConfigKeys.REQUEST_TOKEN_PARAMETERS, builder::requestTokenParameters);
        optional(name, ConfigKeys.PAGE_VERIFIER, builder::verifierPage);
        optional(name, ConfigKeys.REACTIVATE_URL, builder::reactivateUrl);
        string(name, ConfigKeys.REACTIVATE_PROBLEM, value -> builder.reactivateProblem(value.trim()));
        bool(name, ConfigKeys.EXPLAIN_REFUSALS, builder::explainRefusals, problems);
        bool(name, ConfigKeys.CLOCK_SKEW_CORRECTION, builder::clockSkewCorrection, problems);
        duration(name, ConfigKeys.CLOCK_SKEW_MAX_OFFSET, builder::maxClockOffset, problems);
        return builder.build();
    }

    private void checkUrls(String name, OAuthConsumerConfig merged, Set<Usage> usages, List<String> problems) {
        boolean flow = usages.contains(Usage.FLOW);
        url(name, ConfigKeys.REQUEST_TOKEN_URL, merged.requestTokenUrl(), flow, problems);
        authorizationUrl(name, merged.authorizationUrl(), flow, problems);
        url(name, ConfigKeys.ACCESS_TOKEN_URL, merged.accessTokenUrl(), flow, problems);
        if (!merged.isOutOfBand()) {
            url(name, ConfigKeys.CALLBACK_URL, merged.callbackUrl(), false, problems);
        }
        url(name, ConfigKeys.PUBLIC_BASE_URL, merged.publicBaseUrl(), false, problems);
        url(name, ConfigKeys.REVOCATION_URL, merged.revocationUrl(), false, problems);
        url(name, ConfigKeys.REACTIVATE_URL, merged.reactivateUrl(), false, problems);
        if (merged.reactivateProblem().isEmpty()) {
            problems.add(key(name, ConfigKeys.REACTIVATE_PROBLEM) + " must name the oauth_problem of an idle token,"
                    + " such as token_rejected");
        }
    }

    /**
     * The authorization URL may hold the placeholders of {@link AuthorizationUrlTemplate}; it must be
     * a URL once they are filled in.
     */
    private static void authorizationUrl(String name, String value, boolean required, List<String> problems) {
        String filled = value;
        if (value != null) {
            try {
                filled = AuthorizationUrlTemplate.parse(value.trim()).expand("token", "key");
            } catch (IllegalArgumentException e) {
                problems.add(key(name, ConfigKeys.AUTHORIZATION_URL) + " " + e.getMessage() + ": '" + value + "'");
                return;
            }
        }
        url(name, ConfigKeys.AUTHORIZATION_URL, value, filled, required, problems);
    }

    private static void url(String name, String key, String value, boolean required, List<String> problems) {
        url(name, key, value, value, required, problems);
    }

    /** Checks {@code checked}, the URL {@code value} stands for; problems quote {@code value}. */
    private static void url(String name, String key, String value, String checked, boolean required, List<String> problems) {
        if (value == null) {
            if (required) {
                problems.add(key(name, key) + " is missing (needed by @RequireAccessToken(\"" + name + "\"))");
            }
            return;
        }
        try {
            URI uri = new URI(checked.trim());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                problems.add(key(name, key) + " must be an absolute http or https URL, not '" + value + "'");
            }
        } catch (URISyntaxException e) {
            problems.add(key(name, key) + " is not a valid URL: " + e.getReason() + " in '" + value + "'");
        }
    }

    private static void checkTokenRequestMethod(String name, OAuthConsumerConfig merged, List<String> problems) {
        if (!TOKEN_REQUEST_METHODS.contains(merged.tokenRequestMethod())) {
            problems.add(key(name, ConfigKeys.TOKEN_REQUEST_METHOD) + " must be POST or GET, not '"
                    + merged.tokenRequestMethod() + "'");
        }
    }

    /** Form-encoded, and no protocol parameter among them: those are the library's to send. */
    private static void checkRequestTokenParameters(String name, OAuthConsumerConfig merged, List<String> problems) {
        if (merged.requestTokenParameters() == null) {
            return;
        }
        try {
            ParameterList parameters = ParameterList.parseFormEncoded(merged.requestTokenParameters());
            if (parameters.hasProtocolParameter()) {
                problems.add(key(name, ConfigKeys.REQUEST_TOKEN_PARAMETERS) + " must not hold oauth_* parameters:"
                        + " the library sends those itself");
            }
        } catch (IllegalArgumentException e) {
            problems.add(key(name, ConfigKeys.REQUEST_TOKEN_PARAMETERS) + " is not form-encoded"
                    + " (name=value pairs joined with &, %XX escapes in UTF-8): " + e.getMessage());
        }
    }

    private static void checkPages(String name, OAuthConsumerConfig merged, List<String> problems) {
        page(name, ConfigKeys.PAGE_AUTHORIZE, merged.authorizePage(), problems);
        page(name, ConfigKeys.PAGE_SUCCESS, merged.successPage(), problems);
        page(name, ConfigKeys.PAGE_REFUSED, merged.refusedPage(), problems);
        page(name, ConfigKeys.PAGE_INVALID_SIGNATURE, merged.invalidSignaturePage(), problems);
        page(name, ConfigKeys.PAGE_VERIFIER, merged.verifierPage(), problems);
    }

    private static void page(String name, String key, String value, List<String> problems) {
        if (value != null && !value.startsWith("/")) {
            problems.add(key(name, key) + " must be a path inside the application starting with '/', not '" + value + "'");
        }
    }

    private PrivateKey privateKey(String name, OAuthConsumerConfig merged, boolean required, List<String> problems) {
        String pem = merged.privateKey();
        String source = key(name, ConfigKeys.PRIVATE_KEY);
        if (pem == null && merged.privateKeyLocation() != null) {
            source = key(name, ConfigKeys.PRIVATE_KEY_LOCATION);
            pem = read(merged.privateKeyLocation(), source, problems);
            if (pem == null) {
                return null;
            }
        }
        if (pem == null) {
            if (required) {
                problems.add(key(name, ConfigKeys.PRIVATE_KEY) + " or " + key(name, ConfigKeys.PRIVATE_KEY_LOCATION)
                        + " is missing (" + merged.signatureMethod() + " signs with an RSA private key)");
            }
            return null;
        }
        try {
            return PemKeys.privateKey(pem);
        } catch (IllegalArgumentException e) {
            problems.add(source + " is not a usable PEM private key: " + e.getMessage());
            return null;
        }
    }

    private PublicKey publicKey(String name, OAuthConsumerConfig merged, List<String> problems) {
        String pem = merged.publicKey();
        String source = key(name, ConfigKeys.PUBLIC_KEY);
        if (pem == null && merged.publicKeyLocation() != null) {
            source = key(name, ConfigKeys.PUBLIC_KEY_LOCATION);
            pem = read(merged.publicKeyLocation(), source, problems);
        }
        if (pem == null) {
            return null;
        }
        try {
            return PemKeys.publicKey(pem);
        } catch (IllegalArgumentException e) {
            problems.add(source + " is not a usable PEM public key or certificate: " + e.getMessage());
            return null;
        }
    }

    /** Reads a file path, or a class-path resource ({@code classpath:} prefix optional). */
    private String read(String location, String key, List<String> problems) {
        String resource = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        try {
            if (!location.startsWith("classpath:")) {
                Path path = Path.of(location);
                if (Files.isRegularFile(path)) {
                    return Files.readString(path, StandardCharsets.UTF_8);
                }
            }
            String name = resource.startsWith("/") ? resource.substring(1) : resource;
            try (InputStream in = classLoader.getResourceAsStream(name)) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(key + " '" + location + "' cannot be read: " + e.getClass().getSimpleName());
            return null;
        }
        problems.add(key + " '" + location + "' is neither a readable file nor a class-path resource");
        return null;
    }

    private void string(String name, String key, Consumer<String> setter) {
        config.getOptionalValue(key(name, key), String.class).ifPresent(setter);
    }

    /**
     * An optional setting: {@value ConfigKeys#NONE} (any case) switches it off, also where a
     * producer or a lower config source sets it. An empty value cannot: MicroProfile Config treats
     * it as missing, so the lower source's value would stay.
     */
    private void optional(String name, String key, Consumer<String> setter) {
        string(name, key, value -> setter.accept(value.strip().equalsIgnoreCase(ConfigKeys.NONE) ? null : value));
    }

    private void bool(String name, String key, Consumer<Boolean> setter, List<String> problems) {
        string(name, key, value -> {
            String text = value.trim().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                setter.accept(Boolean.parseBoolean(text));
            } else {
                problems.add(key(name, key) + " must be true or false, not '" + value + "'");
            }
        });
    }

    private void duration(String name, String key, Consumer<Duration> setter, List<String> problems) {
        string(name, key, value -> {
            Optional<Duration> duration = parseDuration(value.trim());
            if (duration.isPresent()) {
                setter.accept(duration.get());
            } else {
                problems.add(key(name, key) + " must be a duration such as 500ms, 5s, 10m or PT5S, not '" + value + "'");
            }
        });
    }

    /** {@code 500ms}, {@code 5s}, {@code 10m}, {@code 1h}, ISO-8601 ({@code PT5S}), or a bare number of milliseconds. */
    static Optional<Duration> parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text);
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
                return Optional.of(switch (unit) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofMillis(amount);
                });
            }
            Duration iso = Duration.parse(text);
            return iso.isNegative() ? Optional.empty() : Optional.of(iso);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String key(String name, String key) {
        return ConfigKeys.key(name, key);
    }

    /**
     * The outcome for one name: a definition, or the problems that prevent one.
     *
     * @param definition the definition, or null when there are problems
     * @param problems   every problem found, each naming its key
     */
    public record Result(ConsumerDefinition definition, List<String> problems) {

        /** Whether the name resolved without problems. */
        public boolean isValid() {
            return problems.isEmpty();
        }
    }
}
