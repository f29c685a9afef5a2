package io.github.oauthconsumer.sample;

import io.github.oauthconsumer.api.SignedLaunchAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Switches the library's signed-launch login on: a launch that the demo provider signs as a
 * learning platform does, posted to {@code api/lti}, logs its user in through Jakarta Security as
 * {@code <user_id>@demo-key}, with the roles of the launch, for the rest of the session. The tool's
 * pages ({@link LtiLaunchEndpoint}, {@link InstructorPage}) then ask the container who the caller is.
 */
@ApplicationScoped
@SignedLaunchAuthenticationMechanismDefinition(consumer = "demo", launchPath = "/api/lti")
@DeclareRoles({"Learner", "Instructor", "TeachingAssistant", "ContentDeveloper", "Mentor", "Administrator"})
public class LtiLogin {

    /** The LTI context roles the tool shows. */
    static final List<String> ROLES = List.of("Learner", "Instructor", "TeachingAssistant", "ContentDeveloper", "Mentor",
            "Administrator");
}
