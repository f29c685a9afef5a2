package io.github.oauthconsumer.demo.provider;

import java.util.logging.Logger;

import jakarta.ws.rs.ApplicationPath;

import org.eclipse.microprofile.config.ConfigProvider;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.oauth1.OAuth1ServerFeature;
import org.glassfish.jersey.server.oauth1.OAuth1ServerProperties;

/**
 * The demo provider's JAX-RS application: Jersey's OAuth 1 server with its two token endpoints,
 * plus the pages and resources of this package, in the modes its settings choose. Jersey rather than plain JAX-RS, because the
 * OAuth server is Jersey's; Payara Micro runs on Jersey.
 */
@ApplicationPath("/")
public class DemoApplication extends ResourceConfig {

    static final String REQUEST_TOKEN_PATH = "oauth/request_token";
    static final String AUTHORIZE_PATH = "oauth/authorize";
    static final String ACCESS_TOKEN_PATH = "oauth/access_token";
    static final String REACTIVATE_PATH = "oauth/renew_access_token";

    private static final Logger LOG = Logger.getLogger(DemoApplication.class.getName());

    /** Reads the settings and registers everything. */
    public DemoApplication() {
        DemoSettings settings = DemoSettings.from(ConfigProvider.getConfig(DemoApplication.class.getClassLoader()));
        DemoOAuthProvider provider = new DemoOAuthProvider(settings);
        property(OAuth1ServerProperties.REALM, OAuthProblems.REALM);
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        // Jersey's token endpoints answer errors with no body: keep it so, not Payara's HTML error page
        property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        register(new OAuth1ServerFeature(provider, REQUEST_TOKEN_PATH, ACCESS_TOKEN_PATH));
        SessionRenewalFilter renewal = new SessionRenewalFilter(provider);
        register(renewal);
        register(new TokenEndpointModeFilter(provider, settings, renewal));
        registerInstances(new IndexPage(settings), new AuthorizePage(provider, settings), new ApiResource(provider),
                new LtiLaunchPage(settings), new ReactivationResource(provider, settings),
                new IdleTokensPage(provider, settings));
        LOG.info(() -> "Demo OAuth 1.0a provider: " + settings);
    }
}
