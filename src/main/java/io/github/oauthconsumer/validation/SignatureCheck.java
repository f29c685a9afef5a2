package io.github.oauthconsumer.validation;

import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.core.Challenges;
import io.github.oauthconsumer.core.IncomingRequest;
import io.github.oauthconsumer.monitoring.Monitor;
import io.github.oauthconsumer.core.OAuthParameterNames;
import io.github.oauthconsumer.core.OncePerInterval;
import io.github.oauthconsumer.core.ParameterList;
import io.github.oauthconsumer.spi.NonceStoreFullException;
import io.github.oauthconsumer.spi.NonceStoreUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The signature check of one consumer name: the one implementation behind every way an application
 * asks for it, the JAX-RS filter of {@code @ValidateSignature}, the servlet filter of
 * {@code validate-paths}, the programmatic {@code SignatureValidation} and the signed-launch login.
 *
 * <p>It reads the body (at most {@code oauth1.validation.max-body-size}) and puts it back for the
 * application exactly as it was verified (a form's parameters as decoded for the check), verifies
 * the request, and leaves what it verified as a request attribute ({@link CurrentValidatedRequest}).
 * A refusal is turned into one {@link Refusal}: the status RFC 5849 section 3.2 gives the problem
 * (400 or 401) with {@code WWW-Authenticate: OAuth realm="...", oauth_problem="..."} and either the
 * configured invalid-signature page or the Problem Reporting parameters as body; 413 or 415 for a
 * body it does not read; 503 with {@code Retry-After} when the nonce store is full. Nothing a client
 * sends makes it answer 500, and nothing a client does is logged: only the library's own faults, at
 * most once a minute each. Thread-safe; one per name ({@link SignatureValidators#check}).
 */
final class SignatureCheck {

    private static final Logger LOG = Logger.getLogger(SignatureCheck.class.getName());
    /** The body of a 503 when the nonce store cannot take a nonce. */
    static final String UNAVAILABLE = "signed requests cannot be checked for replays now; retry later";

    private final String name;
    private final SignatureValidators validators;
    private final OncePerInterval unavailableLog = new OncePerInterval(Duration.ofMinutes(1));
    private final OncePerInterval unexpectedLog = new OncePerInterval(Duration.ofMinutes(1));
    private volatile SignatureValidators.Validator validator;

    SignatureCheck(String name, SignatureValidators validators) {
        this.name = name;
        this.validators = validators;
    }

    /**
     * Verifies the request. A request this name has accepted already (a servlet filter and a JAX-RS
     * filter on the same path, say) is not checked twice: its nonce is used.
     *
     * @return what was verified, also left in the request attribute {@link CurrentValidatedRequest#ATTRIBUTE}
     * @throws OAuthProblemException   when the request is refused: 400 or 401, or a {@link BodyRefusedException}
     * @throws NonceStoreUnavailableException when the nonce store cannot take the nonce (full, or a shared cache unreachable)
     * @throws IllegalStateException   when the name's configuration is not usable
     */
    CurrentValidatedRequest.Validation verify(SignedExchange exchange) {
        if (exchange.attribute(CurrentValidatedRequest.ATTRIBUTE) instanceof CurrentValidatedRequest.Validation done
                && done.consumerName().equals(name)) {
            return done;
        }
        CurrentValidatedRequest.Validation validation;
        try {
            validation = check(exchange);
        } catch (RuntimeException refused) {
            validators.monitor().validated(name, outcome(refused));
            throw refused;
        }
        validators.monitor().validated(name, Monitor.ACCEPTED);
        return validation;
    }

    /** What the monitor is told of a refusal: the {@code oauth_problem}, or why there is none. */
    private static String outcome(RuntimeException refused) {
        if (refused instanceof BodyRefusedException) {
            return Monitor.BODY_REFUSED;
        }
        if (refused instanceof OAuthProblemException problem) {
            return problem.problem().code();
        }
        return refused instanceof NonceStoreUnavailableException ? Monitor.NONCE_STORE_UNAVAILABLE : Monitor.ERROR;
    }

    private CurrentValidatedRequest.Validation check(SignedExchange exchange) {
        SignatureValidators.Validator current = validator();
        String url = SignedUrls.signedUrl(exchange.requestUri(), current.contextPath(), current.publicBaseUrl(),
                current.trustForwardedHeaders() ? exchange::header : null);
        IncomingRequest.Builder incoming = IncomingRequest.builder(exchange.method(), url)
                .authorization(exchange.header(HttpHeaders.AUTHORIZATION));
        if (hasBody(exchange)) {
            Body body = readBody(exchange);
            if (body.form() != null) {
                incoming.formParameters(body.form());
            } else {
                incoming.body(body.bytes());
            }
        }
        CurrentValidatedRequest.Validation validation =
                new CurrentValidatedRequest.Validation(name, current.verifier().verify(incoming.build()));
        exchange.attribute(CurrentValidatedRequest.ATTRIBUTE, validation);
        exchange.accepted();
        return validation;
    }

    /**
     * A body as read: its bytes, and its parameters when it is a form.
     *
     * @param bytes the bytes, which {@code oauth_body_hash} covers when the body is no form
     * @param form  the form's parameters as decoded, or null
     */
    private record Body(byte[] bytes, ParameterList form) {
    }

    /** Reads the body and puts it back for the application, a form's parameters as decoded. */
    private Body readBody(SignedExchange exchange) {
        int max = validators.maxBodySize();
        if (exchange.contentLength() > max) {
            throw BodyRefusedException.tooLarge(max);
        }
        byte[] body;
        try {
            body = exchange.readBody(max < Integer.MAX_VALUE ? max + 1 : max);
        } catch (IOException e) {
            throw new OAuthProblemException(OAuthProblem.PARAMETER_REJECTED, "the request body could not be read");
        }
        if (body.length > max) {
            throw BodyRefusedException.tooLarge(max);
        }
        Charset charset = null;
        ParameterList form = null;
        try {
            MediaType type = mediaType(exchange);
            if (isForm(type)) {
                charset = charset(type);
                form = form(body, charset);
            }
            return new Body(body, form);
        } finally {
            exchange.putBack(body, form == null ? null : charset, form);
        }
    }

    /**
     * The answer to a request {@link #verify} refused.
     *
     * @param failure what {@code verify} threw
     * @param page    the container's request and response, to render the invalid-signature page
     *                with; null where there are none (the page is then left out)
     */
    Refusal refusal(RuntimeException failure, ServletExchange page) {
        if (failure instanceof BodyRefusedException body) {
            return text(body.status(), Map.of(), body.text());
        }
        if (failure instanceof OAuthProblemException problem) {
            return problem(problem, page);
        }
        if (failure instanceof NonceStoreUnavailableException unavailable) {
            reportUnavailable(unavailable);
            return text(503, Map.of(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, unavailable.retryAfterSeconds()))),
                    UNAVAILABLE);
        }
        if (unexpectedLog.tryPass() >= 0) {
            LOG.log(Level.WARNING, "signature check \"" + name + "\" could not check a request; it is refused with 401"
                    + " (logged at most once a minute)", failure);
        }
        return new Refusal(401, Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge()), null, new byte[0]);
    }

    /** The {@code WWW-Authenticate} challenge of a request that brought no signature: {@code OAuth realm="..."}. */
    String challenge() {
        return Challenges.oauth(realm());
    }

    /** Logs that the nonce store cannot take nonces (full, or its shared cache unreachable), at most once a minute: the operator has to act. */
    void reportUnavailable(NonceStoreUnavailableException unavailable) {
        if (unavailableLog.tryPass() >= 0) {
            LOG.warning("signature check \"" + name + "\" refuses signed requests with 503: " + unavailable.getMessage()
                    + (unavailable instanceof NonceStoreFullException
                    ? ". Raise oauth1.nonce-store.capacity or shorten oauth1.<name>.timestamp-window" : "")
                    + " (logged at most once a minute)");
        }
    }

    /**
     * The status RFC 5849 section 3.2 gives the problem, the challenge, and as body either the
     * configured invalid-signature page or the Problem Reporting parameters.
     */
    private Refusal problem(OAuthProblemException problem, ServletExchange page) {
        Map<String, String> challenge = Map.of(HttpHeaders.WWW_AUTHENTICATE, Challenges.oauth(realm(), problem.problem().code()));
        SignatureValidators.Validator current = validator;
        if (current != null && current.invalidSignaturePage() != null && page != null) {
            Refusal rendered = InvalidSignaturePage.render(current.invalidSignaturePage(), problem, page, problem.status(), challenge);
            if (rendered != null) {
                return rendered;
            }
        }
        ParameterList body = new ParameterList().add(OAuthParameterNames.PROBLEM, problem.problem().code());
        problem.parameters().forEach(body::add);
        String advice = advice(problem);
        if (!advice.isEmpty()) {
            body.add(OAuthParameterNames.PROBLEM_ADVICE, advice);
        }
        return new Refusal(problem.status(), challenge, MediaType.APPLICATION_FORM_URLENCODED,
                body.toFormEncoded().getBytes(StandardCharsets.UTF_8));
    }

    private static Refusal text(int status, Map<String, String> headers, String text) {
        return new Refusal(status, headers, MediaType.TEXT_PLAIN, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The exception's message without the problem code it starts with. */
    private static String advice(OAuthProblemException problem) {
        String message = problem.getMessage();
        String prefix = problem.problem().code() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : "";
    }

    /** Whether the request has a body: one without a declared length or chunked encoding has none. */
    private static boolean hasBody(SignedExchange exchange) {
        long length = exchange.contentLength();
        if (length == 0 || (length < 0 && exchange.header("Transfer-Encoding") == null)) {
            return false;
        }
        return exchange.hasEntity();
    }

    private static MediaType mediaType(SignedExchange exchange) {
        try {
            return exchange.mediaType();
        } catch (RuntimeException malformed) {
            throw new OAuthProblemException(OAuthProblem.PARAMETER_REJECTED, "the Content-Type header is malformed");
        }
    }

    /**
     * Whether the body is a form: exactly {@code application/x-www-form-urlencoded}, not a wildcard
     * such as {@code application/*}, which JAX-RS would not read as a form.
     */
    private static boolean isForm(MediaType type) {
        return type != null && MediaType.APPLICATION_FORM_URLENCODED_TYPE.getType().equalsIgnoreCase(type.getType())
                && MediaType.APPLICATION_FORM_URLENCODED_TYPE.getSubtype().equalsIgnoreCase(type.getSubtype());
    }

    /**
     * The charset the form is read with, as JAX-RS reads it for {@code @FormParam} (UTF-8 unless the
     * type says otherwise); a charset this JVM does not know is refused (415), as the application
     * could not read the form.
     */
    private static Charset charset(MediaType type) {
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset);
        } catch (IllegalArgumentException unknown) {
            throw BodyRefusedException.unknownCharset();
        }
    }

    private static ParameterList form(byte[] body, Charset charset) {
        try {
            return ParameterList.parseFormEncoded(new String(body, charset), charset);
        } catch (IllegalArgumentException e) {
            throw new OAuthProblemException(OAuthProblem.PARAMETER_REJECTED, "the form body is not properly encoded");
        }
    }

    private SignatureValidators.Validator validator() {
        SignatureValidators.Validator current = validator;
        if (current == null) {
            current = validators.validator(name);
            validator = current;
        }
        return current;
    }

    private String realm() {
        SignatureValidators.Validator current = validator;
        return current != null ? current.realm() : name;
    }
}
