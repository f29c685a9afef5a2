package io.github.oauthconsumer.api;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated JAX-RS resource method (or every method of the annotated class, or of a CDI bean
 * called during a web request) needs the current user's access token for the named consumer.
 * Without one, the authorization flow starts: a browser GET is redirected (303) to the flow's start
 * with {@code next} set to the current URL; any other request gets 401 with
 * {@code WWW-Authenticate: OAuth realm="..."}.
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequireAccessToken {

    /** The consumer name; it must be configured. */
    @Nonbinding
    String value() default OAuthConsumer.DEFAULT_NAME;
}
