package io.github.oauthconsumer.api;

/**
 * The root of every exception this library throws, so that an application can handle all OAuth
 * failures in one place. Messages never contain a secret or a key.
 */
public class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that names what went wrong. */
    public OAuthException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the cause. */
    public OAuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
