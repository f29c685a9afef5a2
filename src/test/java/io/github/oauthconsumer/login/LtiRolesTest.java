package io.github.oauthconsumer.login;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LtiRolesTest {

    @Test
    void contextRolesShortOrAsUrnAreTheirName() {
        assertEquals(Set.of("Instructor", "Learner"), LtiRoles.groups("Instructor,urn:lti:role:ims/lis/Learner"));
        assertEquals(Set.of("TeachingAssistant", "ContentDeveloper", "Mentor", "Manager", "Member", "Administrator"),
                LtiRoles.groups("urn:lti:role:ims/lis/TeachingAssistant, ContentDeveloper,Mentor,Manager,Member,"
                        + "urn:lti:role:ims/lis/Administrator"));
    }

    @Test
    void contextRolesAreSpelledAsLtiSpellsThemWhateverTheCaseSent() {
        assertEquals(Set.of("Instructor", "Learner"), LtiRoles.groups("instructor,URN:LTI:ROLE:IMS/LIS/LEARNER"));
    }

    @Test
    void aSubRoleIsItsMainRoleAndTheSubRole() {
        assertEquals(List.of("Instructor", "Instructor/PrimaryInstructor"),
                List.copyOf(LtiRoles.groups("urn:lti:role:ims/lis/Instructor/PrimaryInstructor")));
        assertEquals(Set.of("Learner", "Learner/NonCreditLearner"), LtiRoles.groups("urn:lti:role:ims/lis/Learner/NonCreditLearner"));
    }

    @Test
    void institutionAndSystemRolesAreKeptApartFromTheContextsRoles() {
        assertEquals(Set.of("Instructor", "institution:Administrator", "system:SysAdmin"),
                LtiRoles.groups("Instructor,urn:lti:instrole:ims/lis/Administrator,urn:lti:sysrole:ims/lis/SysAdmin"));
    }

    @Test
    void anythingElseIsKeptAsSentAndEmptyEntriesAndRepeatsAreDropped() {
        assertEquals(List.of("Grader", "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", "Learner"),
                List.copyOf(LtiRoles.groups(" Grader ,,http://purl.imsglobal.org/vocab/lis/v2/membership#Learner, Learner,learner,")));
        assertEquals(Set.of(), LtiRoles.groups(null));
        assertEquals(Set.of(), LtiRoles.groups(" , "));
    }
}
