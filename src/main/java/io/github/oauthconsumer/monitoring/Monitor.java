package io.github.oauthconsumer.monitoring;

/**
 * What the capabilities report about their work, for operators: validated requests, the access-token
 * flow, token renewals and calls to providers. The capabilities call it on every event; an
 * implementation turns the calls into metrics and spans (the {@code monitoring} package, over
 * OpenTelemetry where the server provides it), or ignores them ({@link #NONE}). Implementations
 * must be thread-safe, must not allocate per call beyond what they export, and must never throw.
 *
 * <p>No argument carries a secret, a token or a user: only consumer names (configuration) and
 * outcomes.
 */
public interface Monitor {

    /** Reports nothing. */
    Monitor NONE = new Monitor() {
    };

    /** The outcome of a validated request that was accepted. */
    String ACCEPTED = "accepted";
    /** The outcome of a request refused because its body was too large or in an unknown charset (413, 415). */
    String BODY_REFUSED = "body_refused";
    /** The outcome of a request refused with 503 because the nonce store could not take its nonce. */
    String NONCE_STORE_UNAVAILABLE = "nonce_store_unavailable";
    /** The outcome of a request the library could not check (its own fault; refused with 401). */
    String ERROR = "error";

    /**
     * A signed request was checked.
     *
     * @param consumer the consumer name
     * @param outcome  {@link #ACCEPTED}, the {@code oauth_problem} code of the refusal, or one of the
     *                 other outcomes declared here
     */
    default void validated(String consumer, String outcome) {
    }

    /**
     * A step of the access-token flow.
     *
     * @param consumer the consumer name
     * @param event    what happened
     */
    default void flow(String consumer, FlowEvent event) {
    }

    /**
     * An expired token was renewed with its session handle, or the renewal failed. Reported by the
     * caller that called the provider, not by the ones that shared its renewal.
     *
     * @param consumer  the consumer name
     * @param succeeded whether the provider issued a new token
     */
    default void renewal(String consumer, boolean succeeded) {
    }

    /**
     * A call to a provider starts; the caller ends it with one of {@link ProviderCall}'s methods.
     *
     * @param consumer the consumer name
     * @param endpoint which of the provider's endpoints
     * @param method   the HTTP method
     * @param host     the provider's host
     * @param port     the provider's port
     * @return the call in progress
     */
    default ProviderCall providerCall(String consumer, Endpoint endpoint, String method, String host, int port) {
        return ProviderCall.NONE;
    }

    /** Steps of the access-token flow. */
    enum FlowEvent {
        /** A request token was obtained and the user sent to approve it. */
        STARTED,
        /** The access token was obtained and stored. */
        COMPLETED,
        /** The user refused the authorization at the provider. */
        REFUSED,
        /** The provider failed (error answer, timeout, unreachable) while obtaining a token. */
        FAILED
    }

    /** The kinds of provider endpoints a consumer calls. */
    enum Endpoint {
        /** The temporary-credentials (request-token) endpoint. */
        REQUEST_TOKEN,
        /** The token (access-token) endpoint, with a verifier. */
        ACCESS_TOKEN,
        /** The token endpoint, with an OAuth Session handle. */
        RENEWAL,
        /** The reactivation endpoint of idle tokens ({@code reactivate-url}). */
        REACTIVATION,
        /** The revocation endpoint ({@code revocation-url}). */
        REVOCATION,
        /** An API call signed by a {@code SignedClient}. */
        API_CALL
    }

    /** A call to a provider in progress: ended once, by one of its methods. */
    interface ProviderCall {

        /** A call nobody watches. */
        ProviderCall NONE = new ProviderCall() {
            @Override
            public void answered(int status) {
            }

            @Override
            public void failed(boolean timedOut) {
            }
        };

        /** The provider answered with this HTTP status. */
        void answered(int status);

        /** The provider did not answer: it timed out, or could not be reached. */
        void failed(boolean timedOut);
    }
}
