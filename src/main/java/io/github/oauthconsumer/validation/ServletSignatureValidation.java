package io.github.oauthconsumer.validation;

import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.SignatureValidation;
import io.github.oauthconsumer.api.ValidatedRequest;
import io.github.oauthconsumer.spi.NonceStoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/**
 * The signature check for servlet requests: {@link SignatureValidation} for the application, and
 * {@link #checkOrRefuse} for the library's servlet filter ({@link SignatureValidationServletFilter})
 * and signed-launch login, which answer a refusal as the JAX-RS filter does. All of them run the
 * name's {@link SignatureCheck} over the {@link VerifiedServletRequest} the application reads, so what
 * was verified is what the application gets.
 */
@ApplicationScoped
public class ServletSignatureValidation implements SignatureValidation {

    @Inject
    SignatureValidators validators;

    @Inject
    Instance<HttpServletRequest> currentRequest;

    @Override
    public ValidatedRequest validate(String consumerName) {
        HttpServletRequest request = currentRequest();
        ServletExchange exchange = request.getAttribute(ServletExchange.ATTRIBUTE) instanceof ServletExchange found
                ? found : null;
        HttpServletRequest reading = exchange != null ? exchange.request() : request;
        if (!(reading instanceof VerifiedServletRequest) && VerifiedServletRequest.mayHaveBody(reading)) {
            throw new IllegalStateException("the request's body cannot be checked and kept for the application: the"
                    + " library's " + ServletExchangeFilter.class.getSimpleName() + " did not see this request"
                    + " (it is mapped to REQUEST dispatches); check it there, or with oauth1.<name>.validate-paths");
        }
        SignatureCheck check = validators.check(consumerName);
        try {
            return check.verify(new ServletSignedExchange(reading));
        } catch (NonceStoreUnavailableException unavailable) {
            check.reportUnavailable(unavailable);
            OAuthProblemException refused = new OAuthProblemException(OAuthProblem.CONSUMER_KEY_REFUSED, 503,
                    SignatureCheck.UNAVAILABLE, Map.of());
            refused.initCause(unavailable);
            throw refused;
        }
    }

    /**
     * Checks a request for a name, or answers its refusal exactly as the JAX-RS filter does.
     *
     * @param request  the request as received; when it is not a {@link VerifiedServletRequest} and may
     *                 carry a body (a login runs before the servlet filters), the check reads it
     *                 through one that {@link ServletExchangeFilter} hands on to the application
     * @param response the response, which gets the refusal
     * @return what was verified, or null when the request was refused (and answered)
     * @throws IOException when the refusal cannot be written
     */
    public ValidatedRequest checkOrRefuse(String consumerName, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        SignatureCheck check = validators.check(consumerName);
        ServletExchange exchange = request.getAttribute(ServletExchange.ATTRIBUTE) instanceof ServletExchange found
                ? found : null;
        HttpServletRequest reading = request;
        if (!(reading instanceof VerifiedServletRequest) && VerifiedServletRequest.isNeeded(reading)) {
            VerifiedServletRequest early = new VerifiedServletRequest(request);
            request.setAttribute(VerifiedServletRequest.EARLY_ATTRIBUTE, early);
            reading = early;
        }
        try {
            return check.verify(new ServletSignedExchange(reading));
        } catch (RuntimeException refused) {
            check.refusal(refused, exchange != null ? exchange : new ServletExchange(request, response)).writeTo(response);
            return null;
        }
    }

    /** The current HTTP request. */
    private HttpServletRequest currentRequest() {
        if (currentRequest.isResolvable()) {
            try {
                HttpServletRequest request = currentRequest.get();
                request.getMethod(); // the proxy reaches the request only now: outside one, this throws
                return request;
            } catch (ContextNotActiveException | IllegalStateException outsideRequest) {
                // answered below
            }
        }
        throw new IllegalStateException("SignatureValidation.validate needs a current HTTP request");
    }

    /**
     * The {@code WWW-Authenticate} challenge for a request of the name that brought no signature
     * ({@code OAuth realm="..."}), for a 401 that refuses it.
     */
    public String challenge(String consumerName) {
        return validators.check(consumerName).challenge();
    }
}
