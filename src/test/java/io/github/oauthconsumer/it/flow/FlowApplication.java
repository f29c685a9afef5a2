package io.github.oauthconsumer.it.flow;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test application's JAX-RS root. */
@ApplicationPath("api")
public class FlowApplication extends Application {
}
