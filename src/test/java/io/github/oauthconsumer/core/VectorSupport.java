package io.github.oauthconsumer.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the engine's tests: fixed clocks, test resources, base strings. */
final class VectorSupport {

    private VectorSupport() {
    }

    /** A clock stopped at this many seconds after the epoch. */
    static Clock clockAt(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    /** A test resource as UTF-8 text. */
    static String resource(String path) {
        try (InputStream in = VectorSupport.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Protocol parameters given as name, value, name, value, ... (the engine's own carrier type). */
    static SignedParameters protocolParameters(String... namesAndValues) {
        int count = namesAndValues.length / 2;
        String[] names = new String[count];
        String[] values = new String[count];
        StringBuilder encoded = new StringBuilder();
        int[] ends = new int[2 * count];
        for (int i = 0; i < count; i++) {
            names[i] = namesAndValues[2 * i];
            values[i] = namesAndValues[2 * i + 1];
            ends[2 * i] = encoded.append(PercentEncoding.encode(names[i])).length();
            ends[2 * i + 1] = encoded.append(PercentEncoding.encode(values[i])).length();
        }
        return new SignedParameters(null, names, values, count, encoded.toString(), ends);
    }

    /** The protocol parameters of a parsed header, as the engine's carrier type. */
    static SignedParameters protocolParameters(ParameterList parameters) {
        List<String> namesAndValues = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            namesAndValues.add(parameters.name(i));
            namesAndValues.add(parameters.value(i));
        }
        return protocolParameters(namesAndValues.toArray(String[]::new));
    }

    /**
     * The base string of a request with these protocol parameters (oauth_signature among them is
     * left out, as the engine must); the signer's own keys play no part in it.
     */
    static String baseString(OAuthRequest request, SignedParameters protocol) {
        return OAuthSigner.builder("unused").consumerSecret("unused").build().baseString(request, protocol);
    }

    /** The base string of a request whose only parameters are its query and form. */
    static String baseString(OAuthRequest request) {
        return baseString(request, protocolParameters());
    }

    /** The third part of a base string, decoded once: the normalized parameters of section 3.4.1.3.2. */
    static String normalizedParameters(String baseString) {
        return PercentEncoding.decode(baseString.split("&", -1)[2], false);
    }

    /** The second part of a base string, decoded once: the base string URI of section 3.4.1.2. */
    static String baseStringUri(String baseString) {
        return PercentEncoding.decode(baseString.split("&", -1)[1], false);
    }

    /** The ASCII bytes of a base string, as signature methods take them. */
    static ByteBuffer ascii(String baseString) {
        return ByteBuffer.wrap(baseString.getBytes(StandardCharsets.US_ASCII));
    }
}
