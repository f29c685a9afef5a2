package io.github.oauthconsumer.it.monitoring;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS activation for the monitoring deployment. */
@ApplicationPath("api")
public class MonitoredApplication extends Application {
}
