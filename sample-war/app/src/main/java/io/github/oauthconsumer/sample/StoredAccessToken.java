package io.github.oauthconsumer.sample;

import io.github.oauthconsumer.api.AccessToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One row per user and consumer name: an {@link AccessToken} with everything the OAuth Session
 * extension adds, so that a token read back can still be renewed. The provider's other answer
 * fields are kept form-encoded. The secrets are stored as they are here; a real application
 * encrypts them at rest.
 */
@Entity
@Table(name = "SAMPLE_ACCESS_TOKEN")
@IdClass(StoredAccessToken.Key.class)
public class StoredAccessToken {

    @Id
    @Column(name = "USER_ID", length = 64)
    private String userId;

    @Id
    @Column(name = "CONSUMER_NAME", length = 100)
    private String consumerName;

    @Column(name = "ACCESS_TOKEN", length = 1024, nullable = false)
    private String token;

    @Column(name = "TOKEN_SECRET", length = 1024, nullable = false)
    private String secret;

    @Column(name = "SESSION_HANDLE", length = 1024)
    private String sessionHandle;

    @Column(name = "EXPIRES_AT")
    private Instant expiresAt;

    @Column(name = "AUTHORIZATION_EXPIRES_AT")
    private Instant authorizationExpiresAt;

    @Column(name = "ADDITIONAL_PARAMETERS", length = 4000)
    private String additionalParameters;

    /** For JPA. */
    protected StoredAccessToken() {
    }

    /** A new row. */
    StoredAccessToken(String userId, String consumerName, AccessToken token) {
        this.userId = userId;
        this.consumerName = consumerName;
        update(token);
    }

    /** Replaces the stored token, after a new authorization or a renewal. */
    void update(AccessToken token) {
        this.token = token.token();
        this.secret = token.secret();
        this.sessionHandle = token.sessionHandle();
        this.expiresAt = token.expiresAt();
        this.authorizationExpiresAt = token.authorizationExpiresAt();
        this.additionalParameters = encode(token.additionalParameters());
    }

    /** The stored token. */
    AccessToken toAccessToken() {
        return new AccessToken(token, secret, sessionHandle, expiresAt, authorizationExpiresAt,
                decode(additionalParameters));
    }

    private static String encode(Map<String, List<String>> parameters) {
        StringJoiner form = new StringJoiner("&");
        parameters.forEach((name, values) -> values.forEach(value -> form.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return form.toString();
    }

    private static Map<String, List<String>> decode(String form) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return parameters;
        }
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            parameters.computeIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    name -> new ArrayList<>()).add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** The primary key: user and consumer name. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String userId;
        private String consumerName;

        /** For JPA. */
        public Key() {
        }

        Key(String userId, String consumerName) {
            this.userId = userId;
            this.consumerName = consumerName;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(userId, key.userId)
                    && Objects.equals(consumerName, key.consumerName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, consumerName);
        }
    }
}
