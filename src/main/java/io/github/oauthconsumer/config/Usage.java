package io.github.oauthconsumer.config;

/** What an application does with a consumer name; each use needs different keys. */
public enum Usage {
    /** Outgoing signed requests ({@code SignedClient}, the client filter, rest clients). */
    SIGNING,
    /** The access-token flow ({@code @RequireAccessToken}); needs the three endpoint URLs. */
    FLOW,
    /** Verifying incoming requests ({@code @ValidateSignature}); needs a secret or a public key. */
    VALIDATION
}
