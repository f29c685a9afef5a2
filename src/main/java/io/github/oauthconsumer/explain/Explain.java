package io.github.oauthconsumer.explain;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.core.OAuthParameterNames;
import io.github.oauthconsumer.core.OAuthRequest;
import io.github.oauthconsumer.core.OAuthSigner;
import io.github.oauthconsumer.core.ParameterList;
import io.github.oauthconsumer.core.PemKeys;
import io.github.oauthconsumer.core.SignatureMethods;
import io.github.oauthconsumer.core.SignedParameters;
import io.github.oauthconsumer.core.SigningSteps;
import io.github.oauthconsumer.spi.SignatureMethod;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;

/**
 * Prints every step of RFC 5849 section 3.4 for one request, so that a person can compare with
 * what a provider or another library computed: the parameters encoded, sorted and joined, the base
 * string URI, the base string, the key (without the secrets' values) and the signature. Runs with
 * the library jar alone on the class path:
 *
 * <pre>
 * OAUTH1_CONSUMER_SECRET=... OAUTH1_TOKEN_SECRET=... java -cp oauth1-consumer.jar io.github.oauthconsumer.explain.Explain \
 *     GET 'https://api.example.com/1/items?page=2' --consumer-key my-key --token my-token \
 *     --timestamp 1700000000 --nonce abc123 --form status=hello
 * </pre>
 *
 * <p>Secrets come only from the environment ({@value #CONSUMER_SECRET}, {@value #TOKEN_SECRET},
 * {@value #PRIVATE_KEY} for RSA-*), never from arguments, which other users of the machine can
 * see; none is printed. With PLAINTEXT the signature is the key itself, so it is not printed either.
 */
public final class Explain {

    /** The environment variable holding the consumer secret. */
    public static final String CONSUMER_SECRET = "OAUTH1_CONSUMER_SECRET";
    /** The environment variable holding the token secret. */
    public static final String TOKEN_SECRET = "OAUTH1_TOKEN_SECRET";
    /** The environment variable holding the RSA private key (PEM), for RSA-* methods. */
    public static final String PRIVATE_KEY = "OAUTH1_PRIVATE_KEY";

    static final String USAGE = """
            usage: java -cp oauth1-consumer.jar io.github.oauthconsumer.explain.Explain METHOD URL --consumer-key KEY [options]
              --token TOKEN             sign with this token (its secret from %s)
              --signature-method NAME   HMAC-SHA1 (default), HMAC-SHA256, HMAC-SHA512, RSA-SHA1, RSA-SHA256, PLAINTEXT
              --timestamp SECONDS       the oauth_timestamp to use (default: now)
              --nonce NONCE             the oauth_nonce to use (default: a new one)
              --no-version              leave oauth_version out
              --form NAME=VALUE         a form body parameter (repeatable; the value as it reads, not encoded)
              --oauth NAME=VALUE        another protocol parameter, such as oauth_callback or oauth_verifier (repeatable)
            secrets are read from the environment: %s, %s, %s (RSA-*); none is printed
            """.formatted(TOKEN_SECRET, CONSUMER_SECRET, TOKEN_SECRET, PRIVATE_KEY);

    private Explain() {
    }

    /** Prints the steps; exits with 2 and the usage on bad arguments. */
    public static void main(String[] args) {
        try {
            run(args, System::getenv, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("Explain: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    /**
     * Prints the steps for these arguments, secrets read through {@code environment}.
     *
     * @throws IllegalArgumentException when the arguments are not usable
     */
    static void run(String[] args, Function<String, String> environment, PrintStream out) {
        if (args.length < 2) {
            throw new IllegalArgumentException("METHOD and URL are required");
        }
        String method = args[0];
        String url = args[1];
        String consumerKey = null;
        String token = null;
        String signatureMethod = "HMAC-SHA1";
        String timestamp = null;
        String nonce = null;
        boolean version = true;
        ParameterList form = new ParameterList();
        ParameterList protocol = new ParameterList();
        for (int i = 2; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--no-version")) {
                version = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--consumer-key" -> consumerKey = value;
                case "--token" -> token = value;
                case "--signature-method" -> signatureMethod = value;
                case "--timestamp" -> timestamp = value;
                case "--nonce" -> nonce = value;
                case "--form" -> addPair(form, value, option);
                case "--oauth" -> addPair(protocol, value, option);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (consumerKey == null) {
            throw new IllegalArgumentException("--consumer-key is required");
        }
        String methodName = signatureMethod;
        SignatureMethod chosen = SignatureMethods.find(methodName).orElseThrow(() -> new IllegalArgumentException(
                "unknown signature method '" + methodName + "'; known: " + SignatureMethods.builtInNames()));
        OAuthSigner.Builder builder = OAuthSigner.builder(consumerKey).signatureMethod(chosen).includeVersion(version);
        boolean rsa = SignatureMethods.usesRsaKeys(chosen);
        String consumerSecret = environment.apply(CONSUMER_SECRET);
        String tokenSecret = environment.apply(TOKEN_SECRET);
        if (rsa) {
            String pem = environment.apply(PRIVATE_KEY);
            if (pem == null) {
                throw new IllegalArgumentException(signatureMethod + " needs the private key in " + PRIVATE_KEY);
            }
            builder.privateKey(PemKeys.privateKey(pem));
        } else {
            builder.consumerSecret(consumerSecret == null ? "" : consumerSecret);
        }
        if (timestamp != null) {
            builder.clock(Clock.fixed(Instant.ofEpochSecond(parseTimestamp(timestamp)), ZoneOffset.UTC));
        }
        if (nonce != null) {
            String fixed = nonce;
            builder.nonces(() -> fixed);
        }
        OAuthSigner signer = builder.build();
        OAuthRequest.Builder request = OAuthRequest.builder(method, url).formParameters(form);
        if (token != null) {
            request.token(new AccessToken(token, tokenSecret == null ? "" : tokenSecret, null, null, null, Map.of()));
        }
        for (int i = 0; i < protocol.size(); i++) {
            request.protocolParameter(protocol.name(i), protocol.value(i));
        }
        OAuthRequest built = request.build();
        SignedParameters signed = signer.sign(built);
        ParameterList signedProtocol = new ParameterList();
        ParameterList all = signed.asParameterList();
        for (int i = 0; i < all.size(); i++) {
            if (!all.name(i).equals(OAuthParameterNames.SIGNATURE)) {
                signedProtocol.add(all.name(i), all.value(i));
            }
        }
        print(out, SigningSteps.of(method, url, form, signedProtocol), signer, built, signed,
                key(rsa, signatureMethod, consumerSecret, token == null ? null : tokenSecret));
    }

    private static void print(PrintStream out, SigningSteps steps, OAuthSigner signer, OAuthRequest request,
                              SignedParameters signed, String key) {
        out.println("1. Parameters, each name and value percent-encoded (RFC 5849 3.4.1.3.2), in the order collected"
                + " (query, form body, protocol):");
        steps.encodedParameters().forEach(pair -> out.println("     " + pair));
        out.println("2. Sorted by encoded name, then encoded value:");
        steps.sortedParameters().forEach(pair -> out.println("     " + pair));
        out.println("3. Normalized parameters, joined with &:");
        out.println("     " + steps.normalizedParameters());
        out.println("4. Base string URI (3.4.1.2):");
        out.println("     " + steps.baseStringUri());
        out.println("5. Signature base string (3.4.1.1): METHOD & encoded URI & encoded parameters:");
        out.println("     " + steps.baseString());
        String signersBaseString = signer.baseString(request, signed);
        if (!signersBaseString.equals(steps.baseString())) {
            out.println("     (the signer's own base string differs, please report it: " + signersBaseString + ")");
        }
        out.println("6. Key (3.4.2, 3.4.4):");
        out.println("     " + key);
        out.println("7. Signature (" + signer.signatureMethod().name() + "):");
        out.println("     " + ("PLAINTEXT".equals(signer.signatureMethod().name())
                ? "not shown: with PLAINTEXT the signature is the key" : signed.signature()));
        out.println("8. Authorization header:");
        out.println("     " + ("PLAINTEXT".equals(signer.signatureMethod().name())
                ? "not shown: it holds the PLAINTEXT signature, the key" : signed.authorizationHeader()));
    }

    private static String key(boolean rsa, String method, String consumerSecret, String tokenSecret) {
        if (rsa) {
            return "the RSA private key of " + PRIVATE_KEY + " (" + method + " signs the base string with it)";
        }
        return "percent-encoded consumer secret & percent-encoded token secret = " + describe(CONSUMER_SECRET, consumerSecret)
                + " & " + (tokenSecret == null ? "(no token: empty)" : describe(TOKEN_SECRET, tokenSecret));
    }

    private static String describe(String variable, String secret) {
        return secret == null || secret.isEmpty() ? "(" + variable + " not set: empty)"
                : "<" + variable + ": " + secret.length() + " characters, not shown>";
    }

    private static long parseTimestamp(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timestamp must be a number of seconds, not '" + text + "'");
        }
    }

    private static void addPair(ParameterList list, String pair, String option) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException(option + " takes NAME=VALUE, not '" + pair + "'");
        }
        list.add(pair.substring(0, equals), pair.substring(equals + 1));
    }
}
