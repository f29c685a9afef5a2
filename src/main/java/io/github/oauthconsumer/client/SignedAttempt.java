package io.github.oauthconsumer.client;

import io.github.oauthconsumer.api.OAuthException;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.SignatureDiagnosis;
import io.github.oauthconsumer.config.ConsumerDefinition;
import io.github.oauthconsumer.core.OAuthRequest;
import io.github.oauthconsumer.core.RefusalDiagnoses;
import io.github.oauthconsumer.core.SignedParameters;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What {@link OAuthSigningFilter} signed for one call of the library's own (a {@code SignedClient}
 * request, a token request), handed back through a request property so that a refusal of that call
 * can say what was signed: {@link #explain} adds the {@link SignatureDiagnosis}. The last signing
 * wins when a call is sent again. Only the request and its protocol parameters are kept, never a
 * key; the diagnosis is computed only when the provider refuses.
 */
final class SignedAttempt {

    /** The request property that carries the attempt to the signing filter. */
    static final String PROPERTY = "io.github.oauthconsumer.signed-attempt";

    private static final Logger LOG = Logger.getLogger(SignedAttempt.class.getName());

    private volatile Signed last;

    private record Signed(ConsumerDefinition consumer, OAuthRequest request, SignedParameters parameters, String location) {
    }

    /** Records a signing: the request, its protocol parameters and where they went. */
    void signed(ConsumerDefinition consumer, OAuthRequest request, SignedParameters parameters, String location) {
        last = new Signed(consumer, request, parameters, location);
    }

    /**
     * The error with a diagnosis when it is a problem report of a request signed here; logged at FINE.
     *
     * @param error the error read from the answer
     * @param body  the answer's body, or null
     */
    OAuthException explain(OAuthException error, String body) {
        Signed signed = last;
        if (!(error instanceof OAuthProblemException refusal) || signed == null || refusal.diagnosis().isPresent()) {
            return error;
        }
        SignatureDiagnosis diagnosis = RefusalDiagnoses.diagnose(refusal, body, signed.consumer().signer(),
                signed.request(), signed.parameters(), signed.location());
        LOG.log(Level.FINE, () -> "OAuth provider '" + signed.consumer().name() + "' refused a signed request: " + diagnosis);
        return new OAuthProblemException(refusal.problem(), refusal.status(), advice(refusal) + " (likely cause: "
                + diagnosis.likelyCause() + "; see diagnosis())", refusal.parameters(), diagnosis);
    }

    /** The message without the code it starts with. */
    private static String advice(OAuthProblemException refusal) {
        String message = refusal.getMessage();
        String prefix = refusal.problem().code() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** Names the consumer only. */
    @Override
    public String toString() {
        Signed signed = last;
        return "SignedAttempt[" + (signed == null ? "not signed" : signed.consumer().name()) + "]";
    }
}
