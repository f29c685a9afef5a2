package io.github.oauthconsumer.it.servlet;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS in the servlet-validation deployment, to compare the two filters' answers. */
@ApplicationPath("api")
public class CompareApplication extends Application {
}
