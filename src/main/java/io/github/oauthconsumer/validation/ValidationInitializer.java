package io.github.oauthconsumer.validation;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.EnumSet;
import java.util.Set;

/**
 * Registers {@link ServletExchangeFilter} in every web application that has the library in
 * {@code WEB-INF/lib} (through {@code META-INF/services}), before the application's own filters.
 */
public class ValidationInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        FilterRegistration.Dynamic filter = context.addFilter(ServletExchangeFilter.NAME, ServletExchangeFilter.class);
        if (filter != null) {
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }
    }
}
