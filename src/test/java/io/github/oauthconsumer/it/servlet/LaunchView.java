package io.github.oauthconsumer.it.servlet;

import io.github.oauthconsumer.api.ValidatedRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** What the Faces page {@code launch.xhtml} shows of a launch the servlet filter verified. */
@Named
@RequestScoped
public class LaunchView {

    @Inject
    ValidatedRequest launch;

    public String getConsumerKey() {
        return launch.consumerKey();
    }

    public String getResourceLink() {
        return launch.parameter("resource_link_id").orElse("none");
    }
}
