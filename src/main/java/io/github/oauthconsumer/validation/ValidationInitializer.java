package io.github.oauthconsumer.validation;

import io.github.oauthconsumer.config.ValidatePaths;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Registers, in every web application that has the library in {@code WEB-INF/lib} (through
 * {@code META-INF/services}) and before the application's own filters: {@link ServletExchangeFilter}
 * for every request, then one {@link SignatureValidationServletFilter} per name that has
 * {@code oauth1.<name>.validate-paths}, mapped to those patterns. Patterns that are not valid, or
 * that two names share, stop the application with a message naming the keys.
 */
public class ValidationInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        FilterRegistration.Dynamic filter = context.addFilter(ServletExchangeFilter.NAME, ServletExchangeFilter.class);
        if (filter != null) {
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }
        ValidatePaths.Result paths = ValidatePaths.read(ConfigProvider.getConfig(context.getClassLoader()));
        if (!paths.isValid()) {
            throw new ServletException("OAuth 1.0a signature validation cannot be mapped: " + String.join("; ", paths.problems()));
        }
        paths.patterns().forEach((name, patterns) -> map(context, name, patterns));
    }

    private static void map(ServletContext context, String name, List<String> patterns) {
        FilterRegistration.Dynamic check = context.addFilter(SignatureValidationServletFilter.NAME_PREFIX + name,
                new SignatureValidationServletFilter(name));
        if (check != null) {
            check.setAsyncSupported(true);
            check.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, patterns.toArray(String[]::new));
        }
    }
}
