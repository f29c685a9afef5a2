package io.github.oauthconsumer.sample;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.SignedClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What the home page ({@code index.jsp}) shows: links that depend on configuration, and the user's token. */
@Named("home")
@RequestScoped
public class HomePage {

    @Inject
    @OAuthConsumer("demo")
    SignedClient demo;

    @Inject
    @ConfigProperty(name = "sample.provider-base")
    String providerBase;

    @Inject
    HttpServletRequest request;

    @Inject
    SampleUser user;

    /** The demo provider's home page. */
    public String getProviderUrl() {
        return providerBase + "/";
    }

    /** The demo provider's LTI launch page, aimed at this application's tool, as the learner alice. */
    public String getLtiLaunchUrl() {
        return launchUrl("/api/lti", "");
    }

    /** The same, as the instructor bob. */
    public String getLtiInstructorLaunchUrl() {
        return launchUrl("/api/lti", "&user=bob&role=Instructor");
    }

    /** The same launch, to the plain servlet that checks it with {@code SignatureValidation}. */
    public String getServletLaunchUrl() {
        return launchUrl("/servlet/launch", "");
    }

    /** Who an LTI launch logged in, or null. */
    public String getLtiCaller() {
        return request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
    }

    private String launchUrl(String path, String more) {
        String target = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + path;
        return providerBase + "/lti/launch?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8) + more;
    }

    /** The public value of the current user's access token for {@code demo}, or null without one. */
    public String getToken() {
        return demo.currentAccessToken().map(AccessToken::token).orElse(null);
    }

    /** When that token expires, or null (no token, or one that does not expire). */
    public String getTokenExpiresAt() {
        return demo.currentAccessToken().map(AccessToken::expiresAt).map(Object::toString).orElse(null);
    }

    /** The current user's id. */
    public String getUserId() {
        return user.id();
    }
}
