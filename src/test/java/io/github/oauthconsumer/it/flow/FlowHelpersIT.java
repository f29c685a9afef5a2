package io.github.oauthconsumer.it.flow;

import io.github.oauthconsumer.it.ItSupport;
import io.github.oauthconsumer.it.SignedHttp;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code AccessTokenFlow} on a real server, without JAX-RS: a plain servlet and a Faces view action
 * start the flow against Jersey's OAuth 1 server (in the test JVM), the user comes back to
 * {@code next} with a token, and disconnect forgets the token and revokes it at the provider.
 */
@ExtendWith(ArquillianExtension.class)
class FlowHelpersIT {

    private static final String CONSUMER_KEY = "helpers-it-consumer";
    private static final String CONSUMER_SECRET = "helpers it secret";

    private static JerseyOAuthProvider provider;

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        provider = JerseyOAuthProvider.start().registerConsumer(CONSUMER_KEY, CONSUMER_SECRET);
        List<String> config = new ArrayList<>(provider.flowConsumerConfig("provider", CONSUMER_KEY, CONSUMER_SECRET, "carol"));
        config.add("oauth1.provider.revocation-url=" + provider.revocationUri());
        String connect = """
                <!DOCTYPE html>
                <html xmlns:h="jakarta.faces.html" xmlns:f="jakarta.faces.core">
                <f:metadata><f:viewAction action="#{connectView.connect}"/></f:metadata>
                <h:head><title>Connect</title></h:head><h:body><p>not shown</p></h:body></html>
                """;
        WebArchive war = ItSupport.war("flow-helpers.war", config, ConnectServlet.class, ConnectView.class);
        if (ItSupport.hasFaces()) {
            war.addAsWebResource(new StringAsset(connect), "connect.xhtml")
                    .addAsWebInfResource(new StringAsset(ItSupport.FACES_CONFIG), "faces-config.xml")
                    .setWebXML(new StringAsset(ItSupport.FACES_WEB_XML));
        }
        return war;
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aServletStartsTheFlowAndTheUserComesBackWithAToken() throws Exception {
        Browser browser = new Browser();
        assertEquals("false", status(browser).get("connected"));

        URI start = Browser.seeOther(browser.get(app("connect?next=%2Fstatus%3Fx%3D1")));

        assertEquals(app("oauth1/provider/authorize?next=%2Fstatus%3Fx%3D1"), start);
        assertEquals(app("status?x=1"), throughTheProvider(browser, start));
        Map<String, String> status = status(browser);
        assertEquals("true", status.get("connected"));
        assertTrue(provider.isActive(status.get("token")));
        assertEquals(ItSupport.loopback(deploymentUrl).getRawPath() + "oauth1/provider/authorize?next=%2Fstatus",
                status.get("startUrl"));
    }

    @Test
    void aFacesActionStartsTheFlowWithTheFacesRedirect() throws Exception {
        assumeTrue(ItSupport.hasFaces(), "this server configuration has no Jakarta Faces");
        Browser browser = new Browser();

        HttpResponse<String> page = browser.get(app("connect.xhtml"));

        assertEquals(302, page.statusCode(), page.body());
        URI start = page.uri().resolve(page.headers().firstValue("Location").orElseThrow());
        assertEquals(app("oauth1/provider/authorize?next=%2Fstatus"), start);
        assertEquals(app("status"), throughTheProvider(browser, start));
        assertEquals("true", status(browser).get("connected"));
    }

    @Test
    void disconnectForgetsTheTokenAndRevokesItAtTheProvider() throws Exception {
        Browser browser = new Browser();
        throughTheProvider(browser, Browser.seeOther(browser.get(app("connect?next=/status"))));
        String token = status(browser).get("token");
        assertTrue(provider.isActive(token));

        Map<String, String> after = SignedHttp.lines(browser.get(app("disconnect")).body());

        assertEquals("false", after.get("connected"));
        assertFalse(provider.isActive(token), "revoked with a POST signed with the token");
        assertEquals(303, browser.get(app("connect?next=/status")).statusCode(), "a new start is needed");
    }

    /** Follows the flow from its start to the provider, back to the callback, and returns where it sends the user. */
    private static URI throughTheProvider(Browser browser, URI start) throws Exception {
        URI authorization = Browser.seeOther(browser.get(start));
        URI callback = Browser.seeOther(browser.get(authorization));
        return Browser.seeOther(browser.get(callback));
    }

    private Map<String, String> status(Browser browser) throws Exception {
        HttpResponse<String> response = browser.get(app("status"));
        assertEquals(200, response.statusCode(), () -> response.body() + "\n" + ItSupport.seeServerLog(FlowHelpersIT.class));
        return SignedHttp.lines(response.body());
    }

    private URI app(String path) {
        return ItSupport.loopback(deploymentUrl).resolve(path);
    }
}
