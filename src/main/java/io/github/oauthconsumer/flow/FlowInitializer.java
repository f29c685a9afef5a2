package io.github.oauthconsumer.flow;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.EnumSet;
import java.util.Set;

/**
 * Registers the access-token flow in every web application that has the library in
 * {@code WEB-INF/lib} (through {@code META-INF/services}): {@link AuthorizationServlet} under the
 * base path ({@code /oauth1/*} unless {@value FlowPaths#BASE_PATH_KEY} says otherwise), and
 * {@link ChallengeFilter}, which answers for {@code @RequireAccessToken} beans called outside
 * JAX-RS. Both support async requests, so that they never stop an application's async servlets.
 */
public class FlowInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        FlowPaths paths;
        try {
            paths = FlowPaths.from(ConfigProvider.getConfig(context.getClassLoader()));
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        ServletRegistration.Dynamic servlet = context.addServlet(AuthorizationServlet.NAME, AuthorizationServlet.class);
        if (servlet != null) {
            servlet.setAsyncSupported(true);
            Set<String> taken = servlet.addMapping(paths.servletMapping());
            if (!taken.isEmpty()) {
                throw new ServletException("the OAuth access-token flow cannot be mapped to " + taken
                        + ": the application maps it already; choose another path with " + FlowPaths.BASE_PATH_KEY);
            }
        }
        FilterRegistration.Dynamic filter = context.addFilter(ChallengeFilter.NAME, ChallengeFilter.class);
        if (filter != null) {
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        }
    }
}
