package io.github.oauthconsumer.it.login;

import io.github.oauthconsumer.api.SignedLaunchAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** Switches the signed-launch login on, as an application does: on one of its beans. */
@ApplicationScoped
@SignedLaunchAuthenticationMechanismDefinition(consumer = "lti", launchPath = "/launch")
@DeclareRoles({"Instructor", "Learner", "TeachingAssistant", "institution:Administrator"})
public class LoginSecurity {
}
