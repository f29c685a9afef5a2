package io.github.oauthconsumer.sample;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie ({@code JSESSIONID}), which carries the library's pending authorization
 * between the start of the flow and the provider's callback: HTTP only, and {@code SameSite=Lax},
 * so that it comes back with the provider's top-level redirect but not with other sites' requests.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().getSessionCookieConfig().setHttpOnly(true);
        event.getServletContext().getSessionCookieConfig().setAttribute("SameSite", "Lax");
    }
}
