package io.github.oauthconsumer.validation;

import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;

import java.util.Map;

/**
 * A body the signature check does not read: larger than {@code oauth1.validation.max-body-size}
 * (413), or a form in a charset this JVM does not know (415). Not a problem of the signature, so
 * its answer is a short text without a challenge; to the application that validates a request
 * itself it is an {@link OAuthProblemException} ({@code parameter_rejected}) with that status.
 */
final class BodyRefusedException extends OAuthProblemException {

    private static final long serialVersionUID = 1L;

    private final String text;

    BodyRefusedException(int status, String text) {
        super(OAuthProblem.PARAMETER_REJECTED, status, text, Map.of());
        this.text = text;
    }

    /** The answer's text. */
    String text() {
        return text;
    }

    static BodyRefusedException tooLarge(int max) {
        return new BodyRefusedException(413, "the request body is larger than " + max + " bytes");
    }

    static BodyRefusedException unknownCharset() {
        return new BodyRefusedException(415, "the form's charset is not supported");
    }
}
