package io.github.oauthconsumer.testprovider;

import java.time.Duration;

import jakarta.ws.rs.HttpMethod;

/**
 * How one test provider departs from RFC 5849, as some real providers do (E*TRADE does all of
 * it): token endpoints that answer only {@code GET}, an authorization page that takes
 * {@code key} and {@code token} instead of {@code oauth_token}, and access tokens that fall idle
 * and must be reactivated at {@value JerseyOAuthProvider#REACTIVATE_PATH}, and request tokens
 * answered with {@code oauth_callback_confirmed=false}; and what a troubled set-up shows: a proxy
 * that changes the host or adds a parameter, a provider that prints its base string, a clock that is
 * off. By default, none of it.
 */
final class ProviderModes {

    private volatile String tokenRequestMethod = HttpMethod.POST;
    private volatile boolean keyAndTokenAuthorization;
    private volatile String idleProblem = "token_rejected";
    private volatile boolean callbackConfirmed = true;
    private volatile String seenHost;
    private volatile String[] addedQueryParameter;
    private volatile boolean reportsBaseStrings;
    private volatile Duration clockAhead = Duration.ZERO;

    String tokenRequestMethod() {
        return tokenRequestMethod;
    }

    void tokenRequestMethod(String method) {
        if (!HttpMethod.POST.equals(method) && !HttpMethod.GET.equals(method)) {
            throw new IllegalArgumentException("POST or GET, not " + method);
        }
        this.tokenRequestMethod = method;
    }

    boolean keyAndTokenAuthorization() {
        return keyAndTokenAuthorization;
    }

    void keyAndTokenAuthorization(boolean on) {
        this.keyAndTokenAuthorization = on;
    }

    boolean callbackConfirmed() {
        return callbackConfirmed;
    }

    void callbackConfirmed(boolean confirmed) {
        this.callbackConfirmed = confirmed;
    }

    String idleProblem() {
        return idleProblem;
    }

    void idleProblem(String problem) {
        this.idleProblem = problem;
    }

    /** The host the provider sees requests at, as behind a proxy that rewrites {@code Host}; null: the real one. */
    String seenHost() {
        return seenHost;
    }

    void seenHost(String host) {
        this.seenHost = host;
    }

    /** The query parameter an intermediary adds after signing, {@code {name, value}}; null for none. */
    String[] addedQueryParameter() {
        return addedQueryParameter;
    }

    void addedQueryParameter(String name, String value) {
        this.addedQueryParameter = new String[] {name, value};
    }

    /** Whether a refused signature is answered with the base string Jersey computed. */
    boolean reportsBaseStrings() {
        return reportsBaseStrings;
    }

    void reportsBaseStrings(boolean on) {
        this.reportsBaseStrings = on;
    }

    /** How far the provider's clock is ahead of the real one (negative: behind); zero by default. */
    Duration clockAhead() {
        return clockAhead;
    }

    void clockAhead(Duration ahead) {
        this.clockAhead = ahead;
    }
}
