package io.github.oauthconsumer.benchmarks;

import jakarta.inject.Singleton;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.internal.inject.InjectionManager;
import org.glassfish.jersey.internal.inject.Injections;
import org.glassfish.jersey.oauth1.signature.HmaSha1Method;
import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.oauth1.signature.OAuth1Secrets;
import org.glassfish.jersey.oauth1.signature.OAuth1Signature;
import org.glassfish.jersey.oauth1.signature.OAuth1SignatureException;
import org.glassfish.jersey.oauth1.signature.OAuth1SignatureMethod;
import org.glassfish.jersey.oauth1.signature.PlaintextMethod;
import org.glassfish.jersey.oauth1.signature.RsaSha1Method;

/**
 * Jersey's {@link OAuth1Signature} outside a server, created the way Jersey's own signature tests
 * create it: an injection manager (HK2) with the bindings of {@code OAuth1SignatureFeature.Binder},
 * which is not public and is repeated here. Also the parameters and secrets the benchmarks sign with.
 */
final class Jersey {

    private Jersey() {
    }

    /** A ready {@link OAuth1Signature} with the HMAC-SHA1, RSA-SHA1 and PLAINTEXT methods. */
    static OAuth1Signature newSignature() {
        InjectionManager injectionManager = Injections.createInjectionManager(new SignatureBinder());
        injectionManager.completeRegistration();
        return injectionManager.getInstance(OAuth1Signature.class);
    }

    /** The consumer secret, and the token secret when the request is 3-legged. */
    static OAuth1Secrets secrets(boolean threeLegged) {
        OAuth1Secrets secrets = new OAuth1Secrets().consumerSecret(Workloads.CONSUMER_SECRET);
        return threeLegged ? secrets.tokenSecret(Workloads.TOKEN_SECRET) : secrets;
    }

    /** The protocol parameters without timestamp and nonce. */
    static OAuth1Parameters parameters(boolean threeLegged) {
        OAuth1Parameters parameters = new OAuth1Parameters().consumerKey(Workloads.CONSUMER_KEY)
                .signatureMethod("HMAC-SHA1").version();
        return threeLegged ? parameters.token(Workloads.TOKEN) : parameters;
    }

    /** Signs a request and returns its {@code Authorization} header; a checked failure becomes unchecked. */
    static String sign(OAuth1Signature signature, JerseyRequest request, OAuth1Parameters parameters,
                       OAuth1Secrets secrets) {
        try {
            signature.sign(request, parameters, secrets);
        } catch (OAuth1SignatureException e) {
            throw new IllegalStateException(e);
        }
        return request.header("Authorization");
    }

    /** The bindings of Jersey's {@code OAuth1SignatureFeature.Binder}. */
    private static final class SignatureBinder extends AbstractBinder {
        @Override
        protected void configure() {
            bind(PlaintextMethod.class).to(OAuth1SignatureMethod.class).in(Singleton.class);
            bind(RsaSha1Method.class).to(OAuth1SignatureMethod.class).in(Singleton.class);
            bind(HmaSha1Method.class).to(OAuth1SignatureMethod.class).in(Singleton.class);
            bindAsContract(OAuth1Signature.class).in(Singleton.class);
        }
    }
}
