package io.github.oauthconsumer.api;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Names one OAuth 1.0a service provider the application consumes, such as {@code "twitter"} or
 * {@code "jira"}. Used as a CDI qualifier on injection points ({@code @Inject @OAuthConsumer("jira")
 * SignedClient jira}) and on {@code @Produces} methods or fields of {@link OAuthConsumerConfig}; on a
 * MicroProfile Rest Client interface it makes every call of that interface signed for the name.
 *
 * <p>Each name is configured under {@code oauth1.<name>.*} in MicroProfile Config and/or by one
 * producer. Names are case-sensitive and unique.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface OAuthConsumer {

    /** The name used when none is given. */
    String DEFAULT_NAME = "default";

    /** The service provider's name: the {@code <name>} of the {@code oauth1.<name>.*} keys. */
    String value() default DEFAULT_NAME;

    /** An instance of the qualifier, for programmatic lookup and synthetic beans. */
    final class Literal extends AnnotationLiteral<OAuthConsumer> implements OAuthConsumer {

        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        /** The qualifier for this name. */
        public static Literal of(String name) {
            return new Literal(name);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
