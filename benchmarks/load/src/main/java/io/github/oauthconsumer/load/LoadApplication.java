package io.github.oauthconsumer.load;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS activation of the load benchmark. */
@ApplicationPath("api")
public class LoadApplication extends Application {
}
