package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.AccessTokenRenewed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the {@link AccessTokenRenewed} events the library fires. */
@ApplicationScoped
class RenewalRecorder {

    private final List<AccessTokenRenewed> events = new CopyOnWriteArrayList<>();

    void renewed(@Observes AccessTokenRenewed event) {
        events.add(event);
    }

    List<AccessTokenRenewed> events() {
        return List.copyOf(events);
    }

    void clear() {
        events.clear();
    }
}
