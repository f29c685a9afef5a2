package io.github.oauthconsumer.client;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.OAuthProviderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The threads of one node that find the same token expired share one renewal. */
class LocalTokenRenewalsTest {

    private static final AccessToken EXPIRED = AccessToken.of("old", "old-secret");

    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final MutableClock clock = new MutableClock();
    private final LocalTokenRenewals renewals = new LocalTokenRenewals(clock);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void concurrentCallersShareOneRenewal() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TokenRenewals.Renewed>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(threads.submit(() -> {
                start.await();
                return renewals.renew("c", EXPIRED, () -> AccessToken.of("new-" + calls.incrementAndGet(), "s"));
            }));
        }
        start.countDown();
        int here = 0;
        for (Future<TokenRenewals.Renewed> result : results) {
            assertEquals("new-1", result.get().token().token());
            here += result.get().here() ? 1 : 0;
        }
        assertEquals(1, calls.get());
        assertEquals(1, here);
    }

    @Test
    void aLateCallerOfTheSameExpiredTokenGetsTheRenewalUntilItIsForgotten() {
        AccessToken first = renewals.renew("c", EXPIRED, () -> AccessToken.of("new", "s")).token();
        clock.now = clock.now.plus(LocalTokenRenewals.REMEMBERED).minusSeconds(1);
        TokenRenewals.Renewed late = renewals.renew("c", EXPIRED, () -> AccessToken.of("again", "s"));
        assertSame(first, late.token());
        assertFalse(late.here());
        clock.now = clock.now.plusSeconds(1);
        assertTrue(renewals.renew("c", EXPIRED, () -> AccessToken.of("again", "s")).here(), "forgotten after a while");
    }

    @Test
    void aFailedRenewalIsForgottenAtOnce() {
        OAuthProviderException failure = new OAuthProviderException("down", 503);
        assertSame(failure, assertThrows(OAuthProviderException.class, () -> renewals.renew("c", EXPIRED, () -> {
            throw failure;
        })));
        assertEquals("new", renewals.renew("c", EXPIRED, () -> AccessToken.of("new", "s")).token().token());
    }

    @Test
    void theRenewalOfATokenIsKnownUntilForgottenAndNoneIsStartedToFindIt() {
        assertEquals(Optional.empty(), renewals.renewalOf("c", EXPIRED), "nobody renewed it");
        AccessToken renewed = renewals.renew("c", EXPIRED, () -> AccessToken.of("new", "s")).token();
        assertEquals(Optional.of(renewed), renewals.renewalOf("c", EXPIRED));
        assertEquals(Optional.empty(), renewals.renewalOf("d", EXPIRED), "another consumer's token of the same value");
        clock.now = clock.now.plus(LocalTokenRenewals.REMEMBERED);
        assertEquals(Optional.empty(), renewals.renewalOf("c", EXPIRED), "forgotten after a while");
    }

    @Test
    void theRenewalOfATokenStillBeingRenewedIsWaitedFor() throws Exception {
        CountDownLatch renewing = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        Future<TokenRenewals.Renewed> renewal = threads.submit(() -> renewals.renew("c", EXPIRED, () -> {
            renewing.countDown();
            await(answer);
            return AccessToken.of("new", "s");
        }));
        renewing.await();
        Future<Optional<AccessToken>> found = threads.submit(() -> renewals.renewalOf("c", EXPIRED));
        answer.countDown();
        assertEquals("new", found.get().orElseThrow().token());
        assertSame(renewal.get().token(), found.get().orElseThrow());
    }

    @Test
    void aFailedRenewalIsNoReplacement() {
        assertThrows(OAuthProviderException.class, () -> renewals.renew("c", EXPIRED, () -> {
            throw new OAuthProviderException("down", 503);
        }));
        assertEquals(Optional.empty(), renewals.renewalOf("c", EXPIRED));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tokensOfOtherConsumersAreRenewedApart() {
        renewals.renew("c", EXPIRED, () -> AccessToken.of("new", "s"));
        assertTrue(renewals.renew("d", EXPIRED, () -> AccessToken.of("other", "s")).here());
    }

    private static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-12-02T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
