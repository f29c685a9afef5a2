package io.github.oauthconsumer.cluster;

import io.github.oauthconsumer.api.AccessToken;
import io.github.oauthconsumer.api.RequestToken;
import io.github.oauthconsumer.core.ParameterList;
import io.github.oauthconsumer.spi.PendingAuthorization;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens and pending authorizations as form-encoded text for the shared caches. Plain strings, not
 * serialized Java objects: a grid node then needs none of the application's classes, and reads no
 * object graph it did not write.
 */
final class StoredForms {

    private static final String EXTRA = "x.";

    private StoredForms() {
    }

    static String accessToken(AccessToken token) {
        ParameterList form = new ParameterList().add("t", token.token()).add("s", token.secret());
        optional(form, "h", token.sessionHandle());
        optional(form, "e", token.expiresAt() == null ? null : token.expiresAt().toString());
        optional(form, "a", token.authorizationExpiresAt() == null ? null : token.authorizationExpiresAt().toString());
        extras(form, token.additionalParameters());
        return form.toFormEncoded();
    }

    /** The token in the text; empty when the text is not one (written by another version, or damaged). */
    static Optional<AccessToken> accessToken(String text) {
        try {
            ParameterList form = ParameterList.parseFormEncoded(text);
            return Optional.of(new AccessToken(form.first("t").orElseThrow(), form.first("s").orElseThrow(),
                    form.first("h").orElse(null), instant(form, "e"), instant(form, "a"), extras(form)));
        } catch (RuntimeException notAToken) {
            return Optional.empty();
        }
    }

    static String pending(PendingAuthorization pending) {
        RequestToken token = pending.requestToken();
        ParameterList form = new ParameterList().add("c", pending.consumerName()).add("t", token.token())
                .add("s", token.secret()).add("k", Boolean.toString(token.callbackConfirmed()))
                .add("n", pending.next()).add("at", pending.createdAt().toString());
        extras(form, token.additionalParameters());
        return form.toFormEncoded();
    }

    /** The pending authorization in the text; empty when the text is not one. */
    static Optional<PendingAuthorization> pending(String text) {
        try {
            ParameterList form = ParameterList.parseFormEncoded(text);
            RequestToken token = new RequestToken(form.first("t").orElseThrow(), form.first("s").orElseThrow(),
                    Boolean.parseBoolean(form.first("k").orElseThrow()), extras(form));
            return Optional.of(new PendingAuthorization(form.first("c").orElseThrow(), token,
                    form.first("n").orElseThrow(), instant(form, "at")));
        } catch (RuntimeException notPending) {
            return Optional.empty();
        }
    }

    private static void optional(ParameterList form, String name, String value) {
        if (value != null) {
            form.add(name, value);
        }
    }

    private static void extras(ParameterList form, Map<String, List<String>> extras) {
        extras.forEach((name, values) -> values.forEach(value -> form.add(EXTRA + name, value)));
    }

    private static Map<String, List<String>> extras(ParameterList form) {
        ParameterList extras = new ParameterList();
        for (int i = 0; i < form.size(); i++) {
            if (form.name(i).startsWith(EXTRA)) {
                extras.add(form.name(i).substring(EXTRA.length()), form.value(i));
            }
        }
        return extras.asMap();
    }

    private static Instant instant(ParameterList form, String name) throws DateTimeParseException {
        return form.first(name).map(Instant::parse).orElse(null);
    }
}
