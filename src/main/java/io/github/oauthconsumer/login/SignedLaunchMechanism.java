package io.github.oauthconsumer.login;

import io.github.oauthconsumer.api.ValidatedRequest;
import io.github.oauthconsumer.config.SignedLaunchConfig;
import io.github.oauthconsumer.core.PercentEncoding;
import io.github.oauthconsumer.validation.ServletExchangeFilter;
import io.github.oauthconsumer.validation.ServletSignatureValidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The Jakarta Security mechanism of {@code @SignedLaunchAuthenticationMechanismDefinition}. A POST
 * to the launch path is checked by the consumer's signature check (the one
 * {@code @ValidateSignature} runs); when it is accepted, the caller ({@code <user>@<consumer key>},
 * groups from the roles) is logged in and remembered in the HTTP session, under a new session id
 * (a session fixed by someone else before the launch does not become theirs). Any other request of
 * a session with a caller is that caller; a request without one stays anonymous, and gets 401 where
 * the container requires a role. A refused launch gets the check's answer, and nothing else runs
 * for it (not even on a server that would go on with the filters: {@link ServletExchangeFilter}).
 *
 * <p>The extension adds this bean only to applications that switch the login on.
 */
@ApplicationScoped
public class SignedLaunchMechanism implements HttpAuthenticationMechanism {

    @Inject
    SignedLaunchConfig.Settings settings;

    @Inject
    ServletSignatureValidation signatures;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (isLaunch(request)) {
            try {
                return launch(request, response, context);
            } catch (IOException e) {
                return context.responseUnauthorized();
            }
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignedLaunchCaller.ATTRIBUTE) instanceof SignedLaunchCaller caller) {
            return context.notifyContainerAboutLogin(new CallerPrincipal(caller.name()), caller.groups());
        }
        // a caller can only come from a launch: where a role is required, the anonymous caller is refused here
        if (context.isProtected()) {
            response.setHeader("WWW-Authenticate", signatures.challenge(settings.consumer()));
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SignedLaunchCaller.ATTRIBUTE);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private AuthenticationStatus launch(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws IOException {
        ValidatedRequest launch = signatures.checkOrRefuse(settings.consumer(), request, response);
        if (launch == null) {
            ServletExchangeFilter.answeredEarly(request);
            return AuthenticationStatus.SEND_FAILURE;
        }
        Optional<String> user = launch.parameter(settings.userParameter()).filter(value -> !value.isBlank());
        if (user.isEmpty()) {
            byte[] text = ("the launch names no user (" + settings.userParameter() + ")").getBytes(StandardCharsets.UTF_8);
            response.setStatus(400);
            response.setContentType("text/plain;charset=UTF-8");
            response.setContentLength(text.length);
            response.getOutputStream().write(text);
            response.flushBuffer();
            ServletExchangeFilter.answeredEarly(request);
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignedLaunchCaller caller = new SignedLaunchCaller(user.get() + "@" + PercentEncoding.encode(launch.consumerKey()),
                LtiRoles.groups(launch.parameter(settings.rolesParameter()).orElse(null)));
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(SignedLaunchCaller.ATTRIBUTE, caller);
        if (settings.landingPage() != null) {
            response.setStatus(303);
            response.setHeader("Location", request.getContextPath() + settings.landingPage());
            response.setHeader("Cache-Control", "no-store");
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.notifyContainerAboutLogin(new CallerPrincipal(caller.name()), caller.groups());
    }

    /** A POST to the launch path (the path inside the application, as the container mapped it). */
    private boolean isLaunch(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return false;
        }
        String pathInfo = request.getPathInfo();
        return settings.launchPath().equals(pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo);
    }
}
