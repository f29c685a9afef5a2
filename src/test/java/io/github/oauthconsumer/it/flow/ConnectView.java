package io.github.oauthconsumer.it.flow;

import io.github.oauthconsumer.api.AccessTokenFlow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The Faces side: {@code connect.xhtml} starts the flow in its view action. */
@Named
@RequestScoped
public class ConnectView {

    @Inject
    AccessTokenFlow flow;

    /** Starts the flow, which returns to {@code /status}; the page is not rendered. */
    public String connect() {
        flow.start("provider", "/status");
        return null;
    }
}
