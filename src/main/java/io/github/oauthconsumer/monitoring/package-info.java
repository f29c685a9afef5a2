/**
 * What operators see: {@link io.github.oauthconsumer.monitoring.Monitor}, the seam through which the
 * capabilities report what they do (plain Java, so that every capability may call it on any
 * server), and its reports as OpenTelemetry metrics and client spans, through the OpenTelemetry of the server (MicroProfile
 * Telemetry), and the MicroProfile Health readiness check of the consumers and the nonce store.
 *
 * <p>Internal: not API. The only package that names {@code io.opentelemetry} and
 * {@code org.eclipse.microprofile.health}: the extension adds its beans only where those APIs are
 * present, so that servers without them never load those classes ({@code Monitor} names neither). May use {@code api}, {@code spi},
 * {@code core}, {@code config} and {@code store}.
 */
package io.github.oauthconsumer.monitoring;
