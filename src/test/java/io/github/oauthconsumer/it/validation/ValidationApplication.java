package io.github.oauthconsumer.it.validation;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS activation for the signature-validation deployment; providers are found by scanning. */
@ApplicationPath("api")
public class ValidationApplication extends Application {
}
