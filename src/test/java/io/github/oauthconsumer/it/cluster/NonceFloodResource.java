package io.github.oauthconsumer.it.cluster;

import io.github.oauthconsumer.spi.NonceStore;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

/**
 * Records many nonces through the application's nonce store, the way verified launches do, then
 * checks whether the first is still remembered: a cache that evicts entries before they expire
 * would let that nonce's replay in.
 */
@Path("nonce-flood")
public class NonceFloodResource {

    /** Registers nonces {@code flood-<from>} to {@code flood-<from + count - 1>} of consumer key {@code key}; answers how many were new. */
    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String flood(@QueryParam("key") String key, @QueryParam("timestamp") long timestamp,
                        @QueryParam("from") int from, @QueryParam("count") int count) {
        NonceStore store = CDI.current().select(NonceStore.class).get();
        Instant expiresAt = Instant.now().plusSeconds(300);
        int accepted = 0;
        for (int i = from; i < from + count; i++) {
            accepted += store.register(key, timestamp, "flood-" + i, expiresAt) ? 1 : 0;
        }
        return "accepted=" + accepted;
    }
}
