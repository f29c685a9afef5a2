package io.github.oauthconsumer.core;

/**
 * The verifier's hook for replay protection: told about every nonce of a request whose signature
 * is valid, it says whether this (consumer key, timestamp, nonce) is seen for the first time.
 * It may throw to refuse the request outright, for example when it can remember no more nonces.
 */
@FunctionalInterface
public interface NonceCheck {

    /** A check that accepts every nonce; for tests and for endpoints where replays are harmless. */
    NonceCheck NONE = (consumerKey, timestamp, nonce) -> true;

    /**
     * Records a nonce.
     *
     * @param consumerKey the verified consumer key
     * @param timestamp   the request's {@code oauth_timestamp}, already inside the window
     * @param nonce       the request's {@code oauth_nonce}
     * @return true the first time, false for a replay
     */
    boolean firstUse(String consumerKey, long timestamp, String nonce);
}
