/**
 * What operators see: the capabilities' {@link io.github.oauthconsumer.core.Monitor} reports as
 * OpenTelemetry metrics and client spans, through the OpenTelemetry of the server (MicroProfile
 * Telemetry), and the MicroProfile Health readiness check of the consumers and the nonce store.
 *
 * <p>Internal: not API. The only package that names {@code io.opentelemetry} and
 * {@code org.eclipse.microprofile.health}: the extension adds its beans only where those APIs are
 * present, so that servers without them never load it. May use {@code api}, {@code spi},
 * {@code core}, {@code config} and {@code store}.
 */
package io.github.oauthconsumer.monitoring;
