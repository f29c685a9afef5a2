package io.github.oauthconsumer.it.login;

import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;

/** What the servlets of the login test answer: who the caller is, as each API sees it. */
final class Who {

    private Who() {
    }

    static String of(HttpServletRequest request, SecurityContext security) {
        Principal principal = request.getUserPrincipal();
        Principal caller = security.getCallerPrincipal();
        return "principal=" + (principal == null ? "" : principal.getName()) + "\n"
                + "instructor=" + request.isUserInRole("Instructor") + "\n"
                + "learner=" + request.isUserInRole("Learner") + "\n"
                + "institutionAdministrator=" + request.isUserInRole("institution:Administrator") + "\n"
                + "caller=" + (caller == null ? "" : caller.getName()) + "\n"
                + "callerInstructor=" + security.isCallerInRole("Instructor") + "\n"
                + "callerLearner=" + security.isCallerInRole("Learner") + "\n";
    }
}
