package io.github.oauthconsumer.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated JAX-RS resource method (or every resource method of the annotated class) accepts
 * only requests with a valid 2-legged OAuth 1.0a signature by the named consumer, or by another
 * consumer key the application's {@code ConsumerSecretLookup} (see the {@code spi} package) accepts,
 * with a fresh timestamp and an unused nonce. Refused requests get 400 or 401 with the OAuth
 * Problem Reporting code, or the page named by {@code oauth1.<name>.page.invalid-signature}. The
 * check runs as a JAX-RS request filter, before the method, so that the form body can be read for
 * verification and still reach {@code @FormParam} parameters. What was verified can be injected as
 * {@link ValidatedRequest}.
 */
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ValidateSignature {

    /**
     * The request attribute that holds the {@code oauth_problem} code while the invalid-signature
     * page is rendered.
     */
    String PROBLEM_ATTRIBUTE = "io.github.oauthconsumer.oauth_problem";

    /** The consumer name; it must be configured. */
    String value() default OAuthConsumer.DEFAULT_NAME;
}
