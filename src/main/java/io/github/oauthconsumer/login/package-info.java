/**
 * Signed launches (LTI 1.1 and similar) as a Jakarta Security login: the
 * {@code HttpAuthenticationMechanism} that {@code @SignedLaunchAuthenticationMechanismDefinition}
 * switches on, the caller it remembers in the session, and the mapping of LTI roles to groups.
 *
 * <p>Internal: not API. May use {@code api}, {@code spi}, {@code core}, {@code config} and
 * {@code validation} (the signature check it shares with {@code @ValidateSignature}).
 */
package io.github.oauthconsumer.login;
