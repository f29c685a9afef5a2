package io.github.oauthconsumer.it.login;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/**
 * JAX-RS in the login test, with {@code @RolesAllowed} switched on as each implementation wants:
 * Jersey (Payara) through this property, RESTEasy (WildFly) through
 * {@code resteasy.role.based.security=true} in MicroProfile Config; Open Liberty enforces it anyway.
 */
@ApplicationPath("api")
public class LoginApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.provider.classnames", "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
