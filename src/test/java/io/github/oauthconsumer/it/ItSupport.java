package io.github.oauthconsumer.it;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Shared pieces for the Arquillian tests, which run on Payara Micro, WildFly and Open Liberty (see
 * arquillian.xml and the failsafe executions in pom.xml).
 */
public final class ItSupport {

    /** System property set by failsafe: the packaged library jar. */
    public static final String LIBRARY_JAR_PROPERTY = "it.library.jar";

    /** The servers the tests run on; failsafe names the current one in {@code arquillian.launch}. */
    public enum Server {
        PAYARA, WILDFLY, LIBERTY;

        /** The server of this test run. */
        public static Server current() {
            String launch = System.getProperty("arquillian.launch", "payara");
            return valueOf(launch.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * A {@code web.xml} that maps the Faces servlet to {@code *.xhtml}, which WildFly does not do on
     * its own.
     */
    public static final String FACES_WEB_XML = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                <servlet>
                    <servlet-name>faces</servlet-name>
                    <servlet-class>jakarta.faces.webapp.FacesServlet</servlet-class>
                    <load-on-startup>1</load-on-startup>
                </servlet>
                <servlet-mapping>
                    <servlet-name>faces</servlet-name>
                    <url-pattern>*.xhtml</url-pattern>
                </servlet-mapping>
            </web-app>
            """;

    /** An empty {@code faces-config.xml}, which switches Faces on. */
    public static final String FACES_CONFIG = "<faces-config xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\"/>";

    private ItSupport() {
    }

    /**
     * Whether the server runs Jakarta Faces: WildFly's {@code standalone-microprofile.xml}, the
     * configuration of these tests unless {@code -Dit.wildfly.config=standalone.xml} names another,
     * has no Faces subsystem (nor an EJB one).
     */
    public static boolean hasFaces() {
        return Server.current() != Server.WILDFLY
                || !System.getProperty("it.wildfly.config", "standalone-microprofile.xml").equals("standalone-microprofile.xml");
    }

    /**
     * The library as packaged by {@code mvn package}, for {@code WebArchive.addAsLibrary}.
     * Using the real jar keeps {@code META-INF/services} and anything else the build puts in
     * it, and keeps test classes out of the deployment.
     */
    public static JavaArchive libraryJar() {
        String path = System.getProperty(LIBRARY_JAR_PROPERTY);
        if (path == null) {
            throw new IllegalStateException(LIBRARY_JAR_PROPERTY + " is not set: run the test through failsafe (mvn verify)");
        }
        File jar = new File(path);
        if (!jar.isFile()) {
            throw new IllegalStateException(jar + " does not exist: run mvn verify, not only the integration-test goal");
        }
        return ShrinkWrap.create(ZipImporter.class, "oauth1-consumer.jar").importFrom(jar).as(JavaArchive.class);
    }

    /**
     * A test application: these classes, the library jar in {@code WEB-INF/lib} and a
     * {@code META-INF/microprofile-config.properties} of these lines; add pages and other resources
     * to the result.
     */
    public static WebArchive war(String name, List<String> config, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addClasses(classes)
                .addAsResource(new StringAsset(String.join("\n", config) + "\n"), "META-INF/microprofile-config.properties")
                .addAsLibrary(libraryJar());
    }

    /**
     * Message for a failed request: a deployment that fails on Payara only shows up as 404s, and
     * the cause is in the server's log, which failsafe writes next to the test report.
     */
    public static String seeServerLog(Class<?> testClass) {
        return "if the application is missing, the server's log says why: target/failsafe-reports/"
                + Server.current().name().toLowerCase(java.util.Locale.ROOT) + "/" + testClass.getName() + "-output.txt";
    }

    /**
     * The deployment's base URI with the host replaced by 127.0.0.1 and a trailing slash.
     * Payara reports the machine's name or address, Liberty {@code localhost}, but their
     * listeners only accept 127.0.0.1.
     */
    public static URI loopback(URL deploymentUrl) {
        try {
            URI uri = deploymentUrl.toURI();
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            if (!path.endsWith("/")) {
                path += "/";
            }
            return new URI(uri.getScheme(), null, "127.0.0.1", uri.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(deploymentUrl.toString(), e);
        }
    }
}
