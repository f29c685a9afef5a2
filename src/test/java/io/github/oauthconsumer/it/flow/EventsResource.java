package io.github.oauthconsumer.it.flow;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Shows the recorded events to the test. */
@Path("events")
@RequestScoped
public class EventsResource {

    @Inject
    FlowEvents events;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String list() {
        return String.join("\n", events.all());
    }
}
