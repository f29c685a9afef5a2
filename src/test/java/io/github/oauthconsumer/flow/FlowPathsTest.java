package io.github.oauthconsumer.flow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flow's resources live under the base path, and a base path that cannot be mapped is refused naming the key. */
class FlowPathsTest {

    @Test
    void buildsTheResourcePathsUnderTheBasePath() {
        FlowPaths paths = new FlowPaths(FlowPaths.DEFAULT_BASE_PATH);

        assertEquals("/oauth1/*", paths.servletMapping());
        assertEquals("/shop/oauth1/jira/callback", paths.callbackPath("/shop", "jira"));
        assertEquals("/shop/oauth1/jira/authorize", paths.authorizePath("/shop", "jira", null));
        assertEquals("/oauth1/jira/authorize?next=%2Forders%3Fid%3D3%26x%3Da%20b",
                paths.authorizePath("", "jira", "/orders?id=3&x=a b"));
    }

    @Test
    void encodesConsumerNamesInPaths() {
        assertEquals("/c/my%20provider/callback", new FlowPaths("/c").callbackPath("", "my provider"));
    }

    @Test
    void acceptsNestedBasePaths() {
        FlowPaths paths = new FlowPaths("/auth/oauth");

        assertEquals("/auth/oauth/*", paths.servletMapping());
        assertEquals("/auth/oauth/x/callback", paths.callbackPath("", "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "oauth1", "/oauth1/", "/oauth1/*", "//oauth1", "/oauth 1", "/oauth1?x", "/a//b"})
    void refusesBasePathsThatAreNotPlainPaths(String basePath) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FlowPaths(basePath));

        assertTrue(e.getMessage().startsWith(FlowPaths.BASE_PATH_KEY + " must be a path"), e.getMessage());
    }
}
