package io.github.oauthconsumer.flow;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.AccessTokenFlow;
import io.github.oauthconsumer.api.OAuthProblem;
import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.client.ConsumerRegistry;
import io.github.oauthconsumer.client.CurrentUserTokens;
import io.github.oauthconsumer.config.ConfigKeys;
import io.github.oauthconsumer.config.ConsumerDefinition;
import io.github.oauthconsumer.config.ConsumerDefinitions;
import io.github.oauthconsumer.store.ApplicationStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link AccessTokenFlow} bean: the flow's start URL from {@link FlowPaths}, the start as a
 * redirect of the current response (the Faces one in a Faces request, else the one
 * {@link ChallengeFilter} keeps), and the current user's token through the application's store,
 * revoked at the provider on disconnect when a revocation URL is configured.
 */
@ApplicationScoped
public class DefaultAccessTokenFlow implements AccessTokenFlow {

    /** Answers that say the token is unusable already: revoking it is then done. */
    private static final Set<OAuthProblem> GONE = Set.of(OAuthProblem.TOKEN_REVOKED, OAuthProblem.TOKEN_REJECTED,
            OAuthProblem.TOKEN_EXPIRED, OAuthProblem.TOKEN_USED);

    @Inject
    AuthorizationFlows flows;

    @Inject
    ConsumerDefinitions definitions;

    @Inject
    ConsumerRegistry registry;

    @Inject
    CurrentUserTokens tokens;

    @Inject
    ApplicationStores stores;

    @Inject
    Instance<HttpServletRequest> currentRequest;

    @Inject
    Instance<ServletContext> servletContext;

    @Override
    public String startUrl(String consumerName, String next) {
        ConsumerDefinition definition = definitions.definition(consumerName);
        if (!definition.config().hasFlowEndpoints()) {
            throw new IllegalStateException("OAuth consumer '" + consumerName + "' cannot run the access-token flow: set "
                    + ConfigKeys.key(consumerName, ConfigKeys.REQUEST_TOKEN_URL) + ", "
                    + ConfigKeys.key(consumerName, ConfigKeys.AUTHORIZATION_URL) + " and "
                    + ConfigKeys.key(consumerName, ConfigKeys.ACCESS_TOKEN_URL));
        }
        String contextPath = servletContext.isResolvable() ? servletContext.get().getContextPath() : "";
        return flows.paths().authorizePath(contextPath, consumerName, NextUrl.sanitize(next));
    }

    @Override
    public void start(String consumerName, String next) {
        String url = startUrl(consumerName, next);
        try {
            if (Faces.isActive()) {
                Faces.redirect(url);
                return;
            }
            HttpServletResponse response = currentResponse();
            if (response.isCommitted()) {
                throw new IllegalStateException("the flow for '" + consumerName + "' cannot start: the response is"
                        + " already committed");
            }
            response.resetBuffer();
            response.setStatus(303);
            response.setHeader("Location", url);
            response.setHeader("Cache-Control", "no-store");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasAccessToken(String consumerName) {
        return tokens.find(consumerName).isPresent();
    }

    @Override
    public void disconnect(String consumerName) {
        Optional<AccessToken> token = tokens.find(consumerName);
        stores.accessTokens().remove(consumerName);
        if (token.isEmpty() || definitions.definition(consumerName).config().revocationUrl() == null) {
            return;
        }
        try {
            registry.endpoints(consumerName).revoke(token.get());
        } catch (OAuthProblemException refused) {
            if (!GONE.contains(refused.problem())) {
                throw refused;
            }
        }
    }

    /** The current request's response, kept by {@link ChallengeFilter}. */
    private HttpServletResponse currentResponse() {
        if (currentRequest.isResolvable()) {
            try {
                if (currentRequest.get().getAttribute(ChallengeFilter.RESPONSE_ATTRIBUTE) instanceof HttpServletResponse response) {
                    return response;
                }
            } catch (ContextNotActiveException outsideRequest) {
                // answered below
            }
        }
        throw new IllegalStateException("AccessTokenFlow.start needs a current HTTP request; elsewhere, send the user"
                + " to AccessTokenFlow.startUrl");
    }

    /** Faces, when the server has it and the application uses it; its classes are touched only then. */
    private static final class Faces {

        private static final boolean PRESENT = present();

        private Faces() {
        }

        /**
         * Whether the current request is a Faces request. Without a context on this thread Faces
         * asks its factories, which fail where the application does not use Faces.
         */
        static boolean isActive() {
            if (!PRESENT) {
                return false;
            }
            try {
                return FacesContext.getCurrentInstance() != null;
            } catch (RuntimeException | LinkageError notInitialized) {
                return false;
            }
        }

        static void redirect(String url) throws IOException {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().redirect(url);
            faces.responseComplete();
        }

        private static boolean present() {
            try {
                Class.forName("jakarta.faces.context.FacesContext", false, DefaultAccessTokenFlow.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError absent) {
                return false;
            }
        }
    }
}
