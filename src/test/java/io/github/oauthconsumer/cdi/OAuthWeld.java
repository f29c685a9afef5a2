package io.github.oauthconsumer.cdi;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.junit5.WeldInitiator;

/**
 * The Weld set-up of these tests: no bean discovery, the library's extension, the given bean
 * classes, and the given properties as the whole MicroProfile Config (see {@link TestConfig}).
 */
final class OAuthWeld {

    private OAuthWeld() {
    }

    /** For {@code @WeldSetup}: a container with these properties and beans, started by weld-junit5. */
    static WeldInitiator initiator(ConfigProperties config, Class<?>... beans) {
        return WeldInitiator.from(weld(new TestConfig(config.asMap()), beans)).build();
    }

    /**
     * Starts a container now, for tests of deployment problems; the caller closes it. When the
     * deployment fails, the properties are released before the exception is thrown.
     */
    static WeldContainer start(ConfigProperties config, Class<?>... beans) {
        TestConfig testConfig = new TestConfig(config.asMap());
        try {
            return weld(testConfig, beans).initialize();
        } catch (RuntimeException deploymentFailed) {
            testConfig.close();
            throw deploymentFailed;
        }
    }

    /** For a weld-junit5 set-up with more than beans, such as mock beans or active scopes. */
    static Weld weld(ConfigProperties config, Class<?>... beans) {
        return weld(new TestConfig(config.asMap()), beans);
    }

    private static Weld weld(TestConfig config, Class<?>... beans) {
        return WeldInitiator.createWeld()
                .disableDiscovery()
                .addExtensions(config, new OAuth1Extension())
                .addBeanClasses(beans);
    }
}
