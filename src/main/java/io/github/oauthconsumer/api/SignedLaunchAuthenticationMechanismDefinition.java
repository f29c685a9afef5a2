package io.github.oauthconsumer.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Logs callers in with a signed launch, the way a learning platform opens an LTI 1.1 tool: a form
 * POST to {@link #launchPath()} signed by a consumer the name {@link #consumer()} accepts
 * ({@code oauth1.<consumer>.*}, as for {@link ValidateSignature}) authenticates the caller through
 * Jakarta Security, for that request and, through the HTTP session, for the following ones.
 * {@code HttpServletRequest.getUserPrincipal()}, {@code isUserInRole}, Jakarta Security's
 * {@code SecurityContext}, {@code @RolesAllowed} and security constraints then work in servlets,
 * Faces pages and JAX-RS resources alike.
 *
 * <pre>
 * &#64;ApplicationScoped
 * &#64;SignedLaunchAuthenticationMechanismDefinition(consumer = "lti", launchPath = "/lti/launch")
 * public class Security {
 * }
 * </pre>
 *
 * <ul>
 * <li>The caller's name is the value of {@link #userParameter()} qualified by the verified consumer
 *     key: {@code <user_id>@<consumer key>}, the key percent-encoded (RFC 3986), so that the same
 *     {@code user_id} sent by two platforms is two callers.</li>
 * <li>The caller's groups come from {@link #rolesParameter()}: LTI role URNs and short names
 *     become simple names ({@code Instructor}, {@code Learner}, {@code TeachingAssistant},
 *     {@code Administrator}, ...; {@code urn:lti:instrole:ims/lis/X} becomes {@code institution:X},
 *     {@code urn:lti:sysrole:ims/lis/X} becomes {@code system:X}); see the validation guide.</li>
 * <li>A refused launch gets the answer {@link ValidateSignature} gives (400 or 401 with the
 *     problem, or the invalid-signature page); its nonce and timestamp are checked the same way.</li>
 * </ul>
 *
 * Put it on a CDI bean class of the application (a class that is not a bean is not seen). Each
 * value can be set, or replaced, in MicroProfile Config under {@code oauth1.signed-launch.*}, which
 * also enables the login without the annotation. The server must run Jakarta Security for the
 * application; the README's Servers section says what each one needs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SignedLaunchAuthenticationMechanismDefinition {

    /** The consumer name whose accepted consumers may launch; {@code oauth1.signed-launch.consumer}. */
    String consumer();

    /**
     * The path inside the application that launches are posted to, such as {@code /lti/launch};
     * {@code oauth1.signed-launch.launch-path}. Only a POST to it logs in; the request then goes on
     * to whatever the application serves there, as the logged-in caller.
     */
    String launchPath();

    /** The form parameter that names the user; {@code oauth1.signed-launch.user-parameter}. */
    String userParameter() default "user_id";

    /** The form parameter that lists the user's roles; {@code oauth1.signed-launch.roles-parameter}. */
    String rolesParameter() default "roles";

    /**
     * A path inside the application to redirect to (303) after a successful launch, instead of
     * serving the launch path; empty for none. {@code oauth1.signed-launch.landing-page}.
     */
    String landingPage() default "";
}
