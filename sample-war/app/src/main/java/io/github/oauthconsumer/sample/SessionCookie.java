package io.github.oauthconsumer.sample;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie ({@code JSESSIONID}), which carries the library's pending authorization
 * between the start of the flow and the provider's callback: HTTP only, and {@code SameSite=Lax},
 * so that it comes back with the provider's top-level redirect but not with other sites' requests.
 * WildFly and Open Liberty write the attribute set here; Payara 6 ignores it (in web.xml too), so
 * its HTTP listener adds it ({@code sample-war/payara/preboot.asadmin}). WildFly in turn ignores
 * the attribute in web.xml's {@code cookie-config}.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().getSessionCookieConfig().setHttpOnly(true);
        event.getServletContext().getSessionCookieConfig().setAttribute("SameSite", "Lax");
    }
}
