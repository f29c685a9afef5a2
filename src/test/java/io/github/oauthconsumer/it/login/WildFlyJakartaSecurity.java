package io.github.oauthconsumer.it.login;

import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.arquillian.setup.SnapshotServerSetupTask;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * What WildFly needs before an application's own Jakarta Security mechanism can log callers in:
 * {@code integrated-jaspi=false} on the application security domain ({@code other}), so that Elytron
 * takes the caller and groups the mechanism names instead of looking the caller up in its own
 * realm (which fails with {@code ELY01177: Authorization failed}). The same as the CLI command
 * {@code /subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false)}
 * and a reload. The server's configuration is restored after the test. Only the WildFly adapter
 * runs it ({@code @ServerSetup}); on the other servers the annotation does nothing.
 */
public class WildFlyJakartaSecurity extends SnapshotServerSetupTask {

    @Override
    protected void doSetup(ManagementClient client, String containerId) throws Exception {
        ModelNode domain = Operations.createAddress("subsystem", "undertow", "application-security-domain", "other");
        executeOperation(client, Operations.createWriteAttributeOperation(domain, "integrated-jaspi", false));
    }
}
