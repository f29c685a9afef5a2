package io.github.oauthconsumer.testprovider;

import jakarta.ws.rs.HttpMethod;

/**
 * How one test provider departs from RFC 5849, as some real providers do (E*TRADE does all of
 * it): token endpoints that answer only {@code GET}, an authorization page that takes
 * {@code key} and {@code token} instead of {@code oauth_token}, and access tokens that fall idle
 * and must be reactivated at {@value JerseyOAuthProvider#REACTIVATE_PATH}, and request tokens
 * answered with {@code oauth_callback_confirmed=false}. By default, none of it.
 */
final class ProviderModes {

    private volatile String tokenRequestMethod = HttpMethod.POST;
    private volatile boolean keyAndTokenAuthorization;
    private volatile String idleProblem = "token_rejected";
    private volatile boolean callbackConfirmed = true;

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
}
