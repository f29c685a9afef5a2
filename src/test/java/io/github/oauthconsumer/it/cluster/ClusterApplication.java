package io.github.oauthconsumer.it.cluster;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS resources of the clustered test application. */
@ApplicationPath("api")
public class ClusterApplication extends Application {
}
