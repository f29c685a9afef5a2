package io.github.oauthconsumer.it;

import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Gives a web deployment its context root when the container adapter reported none, so that the
 * {@code @ArquillianResource URL} of a test points at the application and not at the server's root.
 *
 * <p>Why: the Payara Micro adapter (arquillian-payara-micro-managed 3.1) polls the server's output
 * every 200 ms and takes the start-up as done as soon as the "Instance Configuration" block has
 * reached its {@code Https Port(s)} line; the list of deployed applications follows a few lines
 * later. When the poll falls between the two, the adapter reports the host and port but no servlet,
 * and Arquillian's URL is {@code http://host:port/} — every request of that test then gets Payara's
 * 404 page (seen once in CI: all of {@code AccessTokenFlowIT}). The application itself is deployed
 * by then: Payara prints that block after deploying it.
 *
 * <p>The context root given is the one every server here uses for a war without a deployment
 * descriptor saying otherwise: its name without {@code .war}. A context the adapter did report is
 * left as it is.
 */
public final class UnreportedContextRoots implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Repair.class);
    }

    /** The observer: runs after each deployment, in its context, where the protocol data is. */
    public static final class Repair {

        @Inject
        private Instance<ProtocolMetaData> protocolMetaData;

        public void afterDeploy(@Observes AfterDeploy event) {
            DeploymentDescription deployment = event.getDeployment();
            ProtocolMetaData metaData = protocolMetaData.get();
            if (metaData == null || !deployment.isArchiveDeployment()
                    || !(deployment.getArchive() instanceof WebArchive)) {
                return;
            }
            String contextRoot = "/" + withoutExtension(deployment.getArchive());
            for (HTTPContext context : metaData.getContexts(HTTPContext.class)) {
                if (context.getServlets().isEmpty()) {
                    context.add(new Servlet("default", contextRoot));
                }
            }
        }

        private static String withoutExtension(Archive<?> archive) {
            String name = archive.getName();
            return name.endsWith(".war") ? name.substring(0, name.length() - ".war".length()) : name;
        }
    }
}
