package io.github.oauthconsumer.cluster;

import io.github.oauthconsumer.spi.PendingAuthorization;
import io.github.oauthconsumer.spi.PendingAuthorizationStore;
import io.github.oauthconsumer.store.BrowserIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import javax.crypto.spec.SecretKeySpec;
import java.util.Optional;

/**
 * The {@link PendingAuthorizationStore} of {@code oauth1.store=jcache}: the current user is the
 * browser ({@link BrowserIds}, a random identifier in a cookie), so that the provider may send the
 * user back to any node, with no session replication or sticky balancer. The entry's key is a digest
 * of the identifier and the consumer name; its value is sealed with a key derived from the
 * identifier, so the grid never holds the request token's secret in the clear. A callback from a
 * browser without the cookie, or with another one, finds nothing and is refused as on one node;
 * removal is an atomic compare-and-remove, so a callback works once in the whole cluster.
 */
@ApplicationScoped
public class SharedPendingAuthorizationStore implements PendingAuthorizationStore {

    private static final String PURPOSE = "oauth1 pending authorization";

    @Inject
    SharedCaches caches;

    @Inject
    Instance<HttpServletRequest> request;

    @Override
    public void store(PendingAuthorization pending) {
        String browser = BrowserIds.currentOrNew(request);
        caches.pending().put(key(browser, pending.consumerName()),
                Sealing.seal(sealingKey(browser), StoredForms.pending(pending)));
    }

    @Override
    public Optional<PendingAuthorization> find(String consumerName) {
        Optional<String> browser = BrowserIds.current(request);
        if (browser.isEmpty()) {
            return Optional.empty();
        }
        String sealed = caches.pending().get(key(browser.get(), consumerName));
        return sealed == null ? Optional.empty() : open(browser.get(), sealed, consumerName);
    }

    @Override
    public boolean remove(PendingAuthorization pending) {
        Optional<String> browser = BrowserIds.current(request);
        if (browser.isEmpty()) {
            return false;
        }
        String key = key(browser.get(), pending.consumerName());
        String sealed = caches.pending().get(key);
        if (sealed == null || !open(browser.get(), sealed, pending.consumerName()).equals(Optional.of(pending))) {
            return false;
        }
        return caches.pending().remove(key, sealed);
    }

    private static Optional<PendingAuthorization> open(String browser, String sealed, String consumerName) {
        return Sealing.open(sealingKey(browser), sealed).flatMap(StoredForms::pending)
                .filter(found -> found.consumerName().equals(consumerName));
    }

    private static String key(String browser, String consumerName) {
        return Sealing.digest("pending", browser, consumerName);
    }

    private static SecretKeySpec sealingKey(String browser) {
        return Sealing.key(browser, PURPOSE);
    }

    @Override
    public String toString() {
        return "SharedPendingAuthorizationStore[" + caches + "]";
    }
}
