package io.github.oauthconsumer.flow;

import io.github.oauthconsumer.spi.PendingAuthorization;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The anti-forgery token of the verifier form: an HMAC-SHA256, keyed with the pending request
 * token's secret, of the consumer name and the request token. Only this server (and the provider)
 * knows that secret, so another site cannot make up the form, and a form shown for an earlier
 * authorization does not fit a later one. Nothing is stored besides the pending authorization
 * itself, so the token works on every node that shares the pending-authorization store.
 */
final class VerifierFormToken {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String KEY_PREFIX = "oauth1 verifier form\n";

    private VerifierFormToken() {
    }

    /** The token of the form shown for this pending authorization. */
    static String of(PendingAuthorization authorization) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(authorization));
    }

    /** Whether {@code presented} is the token of this pending authorization; compared in constant time. */
    static boolean matches(PendingAuthorization authorization, String presented) {
        if (presented == null) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(presented);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(mac(authorization), decoded);
    }

    private static byte[] mac(PendingAuthorization authorization) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec((KEY_PREFIX + authorization.requestToken().secret()).getBytes(StandardCharsets.UTF_8),
                    ALGORITHM));
            return mac.doFinal((authorization.consumerName() + "\n" + authorization.requestToken().token())
                    .getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
