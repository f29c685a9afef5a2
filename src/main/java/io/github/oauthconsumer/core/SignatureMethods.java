package io.github.oauthconsumer.core;

import io.github.oauthconsumer.spi.SignatureMethod;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The signature methods this library knows: the built-in ones and any an application registers
 * through {@link ServiceLoader} ({@code META-INF/services/io.github.oauthconsumer.spi.SignatureMethod}).
 * A registered method may not replace a built-in one.
 */
public final class SignatureMethods {

    private static final Map<String, SignatureMethod> BUILT_IN = builtIn();

    private SignatureMethods() {
    }

    /** The method with this name, looked up in the built-in ones and then with the class loader given. */
    public static Optional<SignatureMethod> find(String name, ClassLoader classLoader) {
        SignatureMethod builtIn = BUILT_IN.get(name);
        if (builtIn != null) {
            return Optional.of(builtIn);
        }
        for (SignatureMethod method : ServiceLoader.load(SignatureMethod.class, classLoader)) {
            if (method.name().equals(name)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    /**
     * Every method known to this class loader by name: the built-in ones, then the registered ones
     * (which may not replace a built-in one); for callers that look methods up often.
     */
    static Map<String, SignatureMethod> all(ClassLoader classLoader) {
        Map<String, SignatureMethod> methods = new LinkedHashMap<>(BUILT_IN);
        for (SignatureMethod method : ServiceLoader.load(SignatureMethod.class, classLoader)) {
            methods.putIfAbsent(method.name(), method);
        }
        return Map.copyOf(methods);
    }

    /** The built-in method with this name, or one registered with the thread's context class loader. */
    public static Optional<SignatureMethod> find(String name) {
        return find(name, Thread.currentThread().getContextClassLoader());
    }

    /** The names of the built-in methods. */
    public static Set<String> builtInNames() {
        return BUILT_IN.keySet();
    }

    /** Whether the method signs with an RSA key pair rather than shared secrets. */
    public static boolean usesRsaKeys(SignatureMethod method) {
        return method instanceof RsaSignatureMethod;
    }

    private static Map<String, SignatureMethod> builtIn() {
        Map<String, SignatureMethod> methods = new LinkedHashMap<>();
        for (SignatureMethod method : new SignatureMethod[] {
                HmacSignatureMethod.HMAC_SHA1, HmacSignatureMethod.HMAC_SHA256, HmacSignatureMethod.HMAC_SHA512,
                RsaSignatureMethod.RSA_SHA1, RsaSignatureMethod.RSA_SHA256, RsaSignatureMethod.RSA_SHA512,
                PlaintextSignatureMethod.INSTANCE}) {
            methods.put(method.name(), method);
        }
        return Collections.unmodifiableMap(methods);
    }
}
