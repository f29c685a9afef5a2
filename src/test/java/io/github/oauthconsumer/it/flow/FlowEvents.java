package io.github.oauthconsumer.it.flow;

import io.github.oauthconsumer.api.AccessTokenObtained;
import io.github.oauthconsumer.api.AuthorizationRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the flow's events, as an application that audits tokens would observe them. */
@ApplicationScoped
public class FlowEvents {

    private final List<String> events = new CopyOnWriteArrayList<>();

    void obtained(@Observes AccessTokenObtained event) {
        events.add("obtained " + event.consumerName() + " " + event.token().token());
    }

    void refused(@Observes AuthorizationRefused event) {
        events.add("refused " + event.consumerName() + " " + event.problem());
    }

    /** Every event so far, one a line. */
    public List<String> all() {
        return List.copyOf(events);
    }
}
