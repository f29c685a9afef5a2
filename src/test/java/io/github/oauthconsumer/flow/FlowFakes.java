package io.github.oauthconsumer.flow;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.spi.AccessTokenStore;
import io.github.oauthconsumer.spi.PendingAuthorization;
import io.github.oauthconsumer.spi.PendingAuthorizationStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One user's stores in memory and a clock the test moves, for {@link AuthorizationFlowTest}. */
final class FlowFakes {

    private FlowFakes() {
    }

    /** One user's access tokens; counts every store call. */
    static final class Tokens implements AccessTokenStore {
        final Map<String, AccessToken> tokens = new LinkedHashMap<>();
        final List<AccessToken> stored = new ArrayList<>();

        @Override
        public Optional<AccessToken> find(String consumerName) {
            return Optional.ofNullable(tokens.get(consumerName));
        }

        @Override
        public void store(String consumerName, AccessToken token) {
            stored.add(token);
            tokens.put(consumerName, token);
        }

        @Override
        public void remove(String consumerName) {
            tokens.remove(consumerName);
        }
    }

    /** One user's pending authorizations. */
    static final class Pending implements PendingAuthorizationStore {
        final Map<String, PendingAuthorization> pending = new LinkedHashMap<>();

        @Override
        public void store(PendingAuthorization authorization) {
            pending.put(authorization.consumerName(), authorization);
        }

        @Override
        public Optional<PendingAuthorization> find(String consumerName) {
            return Optional.ofNullable(pending.get(consumerName));
        }

        @Override
        public boolean remove(PendingAuthorization authorization) {
            return pending.remove(authorization.consumerName(), authorization);
        }
    }

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
