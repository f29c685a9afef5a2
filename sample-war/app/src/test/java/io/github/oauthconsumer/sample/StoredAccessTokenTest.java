package io.github.oauthconsumer.sample;

import io.github.oauthconsumer.api.AccessToken;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A row gives back the token it was made from, the OAuth Session data and every extra field included. */
class StoredAccessTokenTest {

    @Test
    void aTokenWithSessionDataAndExtraFieldsComesBackAsItWasStored() {
        Map<String, List<String>> extra = new LinkedHashMap<>();
        extra.put("screen_name", List.of("Ada Lovelace"));
        extra.put("scope", List.of("read", "write&more=yes"));
        extra.put("note", List.of("ünïcode % + ="));
        extra.put("empty", List.of(""));
        AccessToken token = new AccessToken("t0k3n", "s3cr3t", "handle", Instant.ofEpochSecond(1_800_000_000),
                Instant.ofEpochSecond(1_900_000_000), extra);

        AccessToken back = new StoredAccessToken("user", "demo", token).toAccessToken();

        assertEquals(token, back);
        assertEquals(List.copyOf(extra.keySet()), List.copyOf(back.additionalParameters().keySet()));
    }

    @Test
    void anUpdateReplacesEverythingIncludingWhatTheNewTokenLacks() {
        StoredAccessToken row = new StoredAccessToken("user", "demo", new AccessToken("old", "old secret", "handle",
                Instant.ofEpochSecond(1_800_000_000), null, Map.of("user_id", List.of("42"))));

        row.update(AccessToken.of("new", "new secret"));

        assertEquals(AccessToken.of("new", "new secret"), row.toAccessToken());
    }
}
