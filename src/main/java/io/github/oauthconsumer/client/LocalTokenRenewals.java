package io.github.oauthconsumer.client;

import io.github.oauthconsumer.api.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The default {@link TokenRenewals}: the threads of this node that find the same token expired
 * share one renewal. A finished renewal is remembered for a few minutes, for the callers that read
 * the expired token from a store just before the renewed one replaced it. A failed renewal is
 * forgotten at once (the next caller tries again) and thrown to the callers that waited for it.
 */
@ApplicationScoped
public class LocalTokenRenewals implements TokenRenewals {

    /** How long a renewed token is handed to late callers of the same expired token. */
    static final Duration REMEMBERED = Duration.ofMinutes(5);

    private final Map<Key, Attempt> attempts = new ConcurrentHashMap<>();
    private final Clock clock;

    /** Used by CDI. */
    public LocalTokenRenewals() {
        this(Clock.systemUTC());
    }

    LocalTokenRenewals(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Renewed renew(String consumerName, AccessToken expired, Supplier<AccessToken> renewal) {
        Instant now = clock.instant();
        attempts.values().removeIf(attempt -> attempt.isForgottenAt(now));
        Key key = new Key(consumerName, expired.token());
        Attempt mine = new Attempt();
        Attempt running = attempts.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return new Renewed(running.result.join(), false);
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
        }
        try {
            AccessToken renewed = renewal.get();
            mine.finishedAt = clock.instant();
            mine.result.complete(renewed);
            return new Renewed(renewed, true);
        } catch (RuntimeException | Error failure) {
            attempts.remove(key, mine);
            mine.result.completeExceptionally(failure);
            throw failure;
        }
    }

    @Override
    public Optional<AccessToken> renewalOf(String consumerName, AccessToken token) {
        Attempt attempt = attempts.get(new Key(consumerName, token.token()));
        if (attempt == null || attempt.isForgottenAt(clock.instant())) {
            return Optional.empty();
        }
        try {
            return Optional.of(attempt.result.join());
        } catch (CompletionException failed) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "LocalTokenRenewals[" + attempts.size() + " remembered]";
    }

    /** A token of a consumer; the token value is public, its secret is not part of the key. */
    private record Key(String consumerName, String token) {
    }

    /** One renewal: running, or finished at {@link #finishedAt}. */
    private static final class Attempt {
        final CompletableFuture<AccessToken> result = new CompletableFuture<>();
        volatile Instant finishedAt;

        boolean isForgottenAt(Instant now) {
            Instant finished = finishedAt;
            return finished != null && !now.isBefore(finished.plus(REMEMBERED));
        }
    }
}
