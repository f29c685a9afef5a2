package io.github.oauthconsumer.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth request was refused, either by this library while verifying an incoming request or by
 * a service provider answering one of ours. It carries the OAuth Problem Reporting code, the HTTP
 * status for it, and the problem's extra parameters (such as {@code oauth_parameters_absent} or
 * {@code oauth_acceptable_timestamps}) and, for a provider's refusal, a {@link SignatureDiagnosis}.
 */
public class OAuthProblemException extends OAuthException {

    private static final long serialVersionUID = 1L;

    private final OAuthProblem problem;
    private final int status;
    private final Map<String, String> parameters;
    private final SignatureDiagnosis diagnosis;

    /** A problem with the status RFC 5849 gives it and no extra parameters. */
    public OAuthProblemException(OAuthProblem problem, String message) {
        this(problem, problem.status(), message, Map.of());
    }

    /**
     * A problem with an explicit HTTP status (for example the one a provider answered with) and
     * extra Problem Reporting parameters, which are copied.
     */
    public OAuthProblemException(OAuthProblem problem, int status, String message, Map<String, String> parameters) {
        this(problem, status, message, parameters, null);
    }

    /**
     * A provider's refusal of a request this library signed, with what was signed to compare
     * ({@link #diagnosis()}).
     */
    public OAuthProblemException(OAuthProblem problem, int status, String message, Map<String, String> parameters,
                                 SignatureDiagnosis diagnosis) {
        super(Objects.requireNonNull(problem, "problem").code() + (message == null || message.isEmpty() ? "" : ": " + message));
        this.problem = problem;
        this.status = status;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.diagnosis = diagnosis;
    }

    /** The problem, for example {@link OAuthProblem#SIGNATURE_INVALID}. */
    public OAuthProblem problem() {
        return problem;
    }

    /** The HTTP status that goes with this problem: 400 or 401 for problems found here. */
    public int status() {
        return status;
    }

    /** Extra Problem Reporting parameters, such as {@code oauth_parameters_absent}; never null. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /**
     * When a service provider refused a request this library signed: what was signed, compared with
     * what the provider says it computed when it said it. Empty for refusals of incoming requests.
     */
    public Optional<SignatureDiagnosis> diagnosis() {
        return Optional.ofNullable(diagnosis);
    }
}
