package io.github.oauthconsumer.validation;

import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.core.Challenges;
import io.github.oauthconsumer.core.IncomingRequest;
import io.github.oauthconsumer.core.OncePerInterval;
import io.github.oauthconsumer.core.OAuthParameterNames;
import io.github.oauthconsumer.core.ParameterList;
import io.github.oauthconsumer.core.VerifiedRequest;
import io.github.oauthconsumer.spi.NonceStoreFullException;
import io.github.oauthconsumer.spi.NonceStoreUnavailableException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks the signature of a request to a {@code @ValidateSignature("name")} resource before the
 * resource method runs. A form body is read for verification and put back, so that
 * {@code @FormParam} and {@code MultivaluedMap} parameters still get it; other bodies are read for
 * {@code oauth_body_hash}. Bodies larger than {@code oauth1.validation.max-body-size} get 413.
 *
 * <p>A refused request gets the status RFC 5849 section 3.2 gives its problem (400 or 401), with
 * {@code WWW-Authenticate: OAuth realm="...", oauth_problem="..."} and a form-encoded body with the
 * Problem Reporting parameters; or, when {@code page.invalid-signature} is configured, the same
 * status and challenge with that page as the body, as the original application did. A full nonce store gets
 * 503 with {@code Retry-After}. Nothing a client sends can make it answer 500.
 */
final class SignatureValidationFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(SignatureValidationFilter.class.getName());

    private final String name;
    private final OncePerInterval unavailableLog = new OncePerInterval(Duration.ofMinutes(1));
    private final OncePerInterval unexpectedLog = new OncePerInterval(Duration.ofMinutes(1));
    private volatile SignatureValidators validators;
    private volatile SignatureValidators.Validator validator;

    /** @param name the consumer name */
    SignatureValidationFilter(String name) {
        this.name = name;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Response refusal;
        try {
            refusal = check(request);
        } catch (OAuthProblemException problem) {
            refusal = refuse(problem, request);
        } catch (NonceStoreUnavailableException unavailable) {
            logUnavailable(unavailable);
            refusal = Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Math.max(1, unavailable.retryAfterSeconds()))
                    .type(MediaType.TEXT_PLAIN_TYPE).entity("signed requests cannot be checked for replays now; retry later").build();
        } catch (RuntimeException unexpected) {
            if (unexpectedLog.tryPass() >= 0) {
                LOG.log(Level.WARNING, "@ValidateSignature(\"" + name + "\") could not check a request; it is refused with 401"
                        + " (logged at most once a minute)", unexpected);
            }
            refusal = Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, Challenges.oauth(realm())).build();
        }
        if (refusal != null) {
            request.abortWith(refusal);
        }
    }

    /** Verifies the request; returns null when it is accepted, or the answer when it cannot be read. */
    private Response check(ContainerRequestContext request) {
        SignatureValidators.Validator current = validator();
        String url = SignedUrls.signedUrl(request.getUriInfo().getRequestUri(), current.contextPath(),
                current.publicBaseUrl(), current.trustForwardedHeaders() ? request::getHeaderString : null);
        IncomingRequest.Builder incoming = IncomingRequest.builder(request.getMethod(), url)
                .authorization(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (hasBody(request)) {
            int max = validators.maxBodySize();
            if (request.getLength() > max) {
                return tooLarge(max);
            }
            byte[] body;
            try {
                body = request.getEntityStream().readNBytes(max < Integer.MAX_VALUE ? max + 1 : max);
            } catch (IOException e) {
                throw new OAuthProblemException(OAuthProblem.PARAMETER_REJECTED, "the request body could not be read");
            }
            if (body.length > max) {
                return tooLarge(max);
            }
            request.setEntityStream(new ByteArrayInputStream(body));
            MediaType type = mediaType(request);
            if (isForm(type)) {
                Charset charset = charset(type);
                if (charset == null) {
                    return Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE).type(MediaType.TEXT_PLAIN_TYPE)
                            .entity("the form's charset is not supported").build();
                }
                ParameterList form = form(body, charset);
                incoming.formParameters(form);
                if (request.getProperty(ServletExchange.ATTRIBUTE) instanceof ServletExchange exchange
                        && exchange.request() instanceof VerifiedFormRequest servletForm) {
                    servletForm.verified(body, charset, form);
                }
            } else {
                incoming.body(body);
            }
        }
        VerifiedRequest verified = current.verifier().verify(incoming.build());
        request.setProperty(CurrentValidatedRequest.ATTRIBUTE, new CurrentValidatedRequest.Validation(name, verified));
        return null;
    }

    /**
     * Whether the request has a body: a request without {@code Content-Length} and
     * {@code Transfer-Encoding} has none (RFC 9112 section 6.3), which spares the container a
     * read-ahead on every GET.
     */
    private static boolean hasBody(ContainerRequestContext request) {
        int length = request.getLength();
        if (length == 0 || (length < 0 && request.getHeaderString("Transfer-Encoding") == null)) {
            return false;
        }
        return request.hasEntity();
    }

    private static MediaType mediaType(ContainerRequestContext request) {
        try {
            return request.getMediaType();
        } catch (RuntimeException malformed) {
            throw new OAuthProblemException(OAuthProblem.PARAMETER_REJECTED, "the Content-Type header is malformed");
        }
    }

    private static ParameterList form(byte[] body, Charset charset) {
        try {
            return ParameterList.parseFormEncoded(new String(body, charset), charset);
        } catch (IllegalArgumentException e) {
            throw new OAuthProblemException(OAuthProblem.PARAMETER_REJECTED, "the form body is not properly encoded");
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
     * type says otherwise), or null when this JVM does not know it: such a form is refused (415),
     * as the application could not read it.
     */
    private static Charset charset(MediaType type) {
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /**
     * The refusal: the status RFC 5849 section 3.2 gives the problem, the challenge, and as body
     * either the configured invalid-signature page or the Problem Reporting parameters.
     */
    private Response refuse(OAuthProblemException problem, ContainerRequestContext request) {
        Response.ResponseBuilder answer = Response.status(problem.status())
                .header(HttpHeaders.WWW_AUTHENTICATE, Challenges.oauth(realm(), problem.problem().code()));
        SignatureValidators.Validator current = validator;
        if (current != null && current.invalidSignaturePage() != null
                && request.getProperty(ServletExchange.ATTRIBUTE) instanceof ServletExchange exchange) {
            // the page is the body of the same answer; the builder is only touched when it renders
            Response page = InvalidSignaturePage.render(current.invalidSignaturePage(), problem, exchange, answer);
            if (page != null) {
                return page;
            }
        }
        ParameterList body = new ParameterList().add(OAuthParameterNames.PROBLEM, problem.problem().code());
        problem.parameters().forEach(body::add);
        String advice = advice(problem);
        if (!advice.isEmpty()) {
            body.add(OAuthParameterNames.PROBLEM_ADVICE, advice);
        }
        return answer.type(MediaType.APPLICATION_FORM_URLENCODED_TYPE).entity(body.toFormEncoded()).build();
    }

    /** The exception's message without the problem code it starts with. */
    private static String advice(OAuthProblemException problem) {
        String message = problem.getMessage();
        String prefix = problem.problem().code() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : "";
    }

    private static Response tooLarge(int max) {
        return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("the request body is larger than " + max + " bytes").build();
    }

    private void logUnavailable(NonceStoreUnavailableException unavailable) {
        if (unavailableLog.tryPass() >= 0) {
            LOG.warning("@ValidateSignature(\"" + name + "\") refuses signed requests with 503: " + unavailable.getMessage()
                    + (unavailable instanceof NonceStoreFullException
                    ? ". Raise oauth1.nonce-store.capacity or shorten oauth1.<name>.timestamp-window" : "")
                    + " (logged at most once a minute)");
        }
    }

    private SignatureValidators.Validator validator() {
        SignatureValidators.Validator current = validator;
        if (current == null) {
            SignatureValidators found = validators;
            if (found == null) {
                found = CDI.current().select(SignatureValidators.class).get();
                validators = found;
            }
            current = found.validator(name);
            validator = current;
        }
        return current;
    }

    private String realm() {
        SignatureValidators.Validator current = validator;
        return current != null ? current.realm() : name;
    }
}
