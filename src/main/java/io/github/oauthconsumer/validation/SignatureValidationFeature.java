package io.github.oauthconsumer.validation;

import io.github.oauthconsumer.api.ValidateSignature;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;

/**
 * Puts the signature check in front of every JAX-RS resource method annotated
 * {@link ValidateSignature}, or declared in a class annotated so (the method's annotation wins).
 * JAX-RS finds this provider by scanning the library jar; an application whose
 * {@code Application} subclass lists its classes must list this one too.
 */
@Provider
public class SignatureValidationFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        ValidateSignature annotation = method == null ? null : method.getAnnotation(ValidateSignature.class);
        if (annotation == null && resourceInfo.getResourceClass() != null) {
            annotation = resourceInfo.getResourceClass().getAnnotation(ValidateSignature.class);
        }
        if (annotation != null) {
            context.register(new SignatureValidationFilter(annotation.value()),
                    Priorities.AUTHENTICATION);
        }
    }
}
