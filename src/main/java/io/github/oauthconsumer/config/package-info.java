/**
 * Reads and checks each consumer's {@code oauth1.<name>.*} settings, from MicroProfile Config and
 * from {@code @Produces @OAuthConsumer} producers, into checked {@code ConsumerDefinition}s; every
 * problem names the key to fix.
 *
 * <p>Internal: not API. May use {@code api}, {@code spi}, {@code core} and MicroProfile Config.
 */
package io.github.oauthconsumer.config;
