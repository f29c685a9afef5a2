package io.github.oauthconsumer.sample;

import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.arquillian.setup.SnapshotServerSetupTask;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * What WildFly needs before the sample's LTI login (a Jakarta Security mechanism of the application)
 * can log callers in, as {@code run.sh} does with the CLI: {@code integrated-jaspi=false} on the
 * {@code other} application security domain, then a reload. Restored after the test. Only the
 * WildFly adapter runs it ({@code @ServerSetup}); on the other servers the annotation does nothing.
 */
public class WildFlyJakartaSecurity extends SnapshotServerSetupTask {

    @Override
    protected void doSetup(ManagementClient client, String containerId) throws Exception {
        ModelNode domain = Operations.createAddress("subsystem", "undertow", "application-security-domain", "other");
        executeOperation(client, Operations.createWriteAttributeOperation(domain, "integrated-jaspi", false));
    }
}
