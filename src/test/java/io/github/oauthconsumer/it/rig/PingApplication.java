package io.github.oauthconsumer.it.rig;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS activation for the rig's smoke deployment. */
@ApplicationPath("api")
public class PingApplication extends Application {
}
