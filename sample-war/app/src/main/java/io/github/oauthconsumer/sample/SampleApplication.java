package io.github.oauthconsumer.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The sample's JAX-RS resources live under {@code /api}. The class lists nothing, so JAX-RS scans
 * the WAR, the library jar included: that is how it finds the library's
 * {@code SignatureValidationFeature} behind {@code @ValidateSignature}.
 */
@ApplicationPath("api")
public class SampleApplication extends Application {
}
