package io.github.oauthconsumer.spi;

import io.github.oauthconsumer.api.RequestToken;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pending authorization can live in a session or a shared cache, expires on time and never shows its secret. */
class PendingAuthorizationTest {

    private static final String SECRET = "request-token-secret-never-shown";
    private static final Instant CREATED = Instant.parse("2026-01-01T10:00:00Z");
    private static final PendingAuthorization PENDING = new PendingAuthorization("jira",
            new RequestToken("rt-1", SECRET, true, Map.of("extra", List.of("x"))), "/orders?id=3", CREATED);

    @Test
    void toStringShowsTheTokenButNeverTheSecret() {
        String text = PENDING.toString();

        assertTrue(text.contains("rt-1"), text);
        assertTrue(text.contains("/orders?id=3"), text);
        assertFalse(text.contains(SECRET), text);
    }

    @Test
    void expiresWhenTheTimeoutHasPassed() {
        Duration timeout = Duration.ofMinutes(10);

        assertFalse(PENDING.isExpiredAt(CREATED, timeout));
        assertFalse(PENDING.isExpiredAt(CREATED.plus(timeout).minusMillis(1), timeout));
        assertTrue(PENDING.isExpiredAt(CREATED.plus(timeout), timeout));
        assertTrue(PENDING.isExpiredAt(CREATED.plus(Duration.ofDays(1)), timeout));
    }

    @Test
    void survivesSerialization() throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(PENDING);
        }
        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        assertEquals(PENDING, copy);
        assertEquals(SECRET, ((PendingAuthorization) copy).requestToken().secret());
    }
}
