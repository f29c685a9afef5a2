package io.github.oauthconsumer.cluster;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.RequestToken;
import io.github.oauthconsumer.spi.PendingAuthorization;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the shared caches hold: exact round trips, sealed values that only the right key opens, distinct digests. */
class SealingAndFormsTest {

    private static final AccessToken TOKEN = new AccessToken("tok en+/", "s3cr&t=", "handle",
            Instant.parse("2026-12-02T10:15:30.123456789Z"), Instant.parse("2027-01-01T00:00:00Z"),
            Map.of("user_id", List.of("42", "43"), "screen name", List.of("ü")));

    @Test
    void accessTokensRoundTripExactly() {
        assertEquals(Optional.of(TOKEN), StoredForms.accessToken(StoredForms.accessToken(TOKEN)));
        AccessToken bare = AccessToken.of("t", "s");
        assertEquals(Optional.of(bare), StoredForms.accessToken(StoredForms.accessToken(bare)));
    }

    @Test
    void pendingAuthorizationsRoundTripExactly() {
        PendingAuthorization pending = new PendingAuthorization("jira",
                new RequestToken("rt", "rs&=", true, Map.of("extra", List.of("1"))), "/after?x=1&y=%20",
                Instant.parse("2026-12-02T10:15:30.5Z"));
        assertEquals(Optional.of(pending), StoredForms.pending(StoredForms.pending(pending)));
    }

    @Test
    void textThatIsNotAStoredFormIsNothing() {
        assertEquals(Optional.empty(), StoredForms.accessToken("s=only-a-secret"));
        assertEquals(Optional.empty(), StoredForms.pending("c=x&t=y&s=z&k=true&n=/&at=yesterday"));
        assertEquals(Optional.empty(), StoredForms.pending("%zz"));
    }

    @Test
    void onlyTheSameKeyOpensASealedValue() {
        SecretKeySpec key = Sealing.key("browser one", "purpose");
        String sealed = Sealing.seal(key, "the secret text");
        assertFalse(sealed.contains("secret"));
        assertNotEquals(sealed, Sealing.seal(key, "the secret text"), "a random IV per seal");
        assertEquals(Optional.of("the secret text"), Sealing.open(key, sealed));
        assertEquals(Optional.empty(), Sealing.open(Sealing.key("browser two", "purpose"), sealed));
        assertEquals(Optional.empty(), Sealing.open(Sealing.key("browser one", "other purpose"), sealed));
        char[] changed = sealed.toCharArray();
        changed[changed.length - 3] = changed[changed.length - 3] == 'A' ? 'B' : 'A';
        assertEquals(Optional.empty(), Sealing.open(key, new String(changed)));
        assertEquals(Optional.empty(), Sealing.open(key, "not base64 !"));
        assertEquals(Optional.empty(), Sealing.open(key, "c2hvcnQ"));
    }

    @Test
    void digestsKeepThePartsApart() {
        assertNotEquals(Sealing.digest("ab", "c"), Sealing.digest("a", "bc"));
        assertEquals(Sealing.digest("a", "b"), Sealing.digest("a", "b"));
        assertTrue(Sealing.digest("x").matches("[A-Za-z0-9_-]{43}"));
    }
}
