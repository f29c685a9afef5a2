package io.github.oauthconsumer.cdi;

import io.github.oauthconsumer.api.OAuthConsumer;
import io.github.oauthconsumer.api.OAuthConsumerConfig;
import io.github.oauthconsumer.api.RequireAccessToken;
import io.github.oauthconsumer.api.SignedClient;
import io.github.oauthconsumer.api.SignedLaunchAuthenticationMechanismDefinition;
import io.github.oauthconsumer.api.ValidateSignature;
import io.github.oauthconsumer.client.ConsumerRegistry;
import io.github.oauthconsumer.client.CurrentUserTokens;
import io.github.oauthconsumer.client.LocalTokenRenewals;
import io.github.oauthconsumer.cluster.SharedAccessTokenStore;
import io.github.oauthconsumer.cluster.SharedCaches;
import io.github.oauthconsumer.cluster.SharedNonceStore;
import io.github.oauthconsumer.cluster.SharedPendingAuthorizationStore;
import io.github.oauthconsumer.cluster.SharedTokenRenewals;
import io.github.oauthconsumer.config.ConfigKeys;
import io.github.oauthconsumer.config.ConsumerConfigResolver;
import io.github.oauthconsumer.config.ConsumerDefinitions;
import io.github.oauthconsumer.config.SignedLaunchConfig;
import io.github.oauthconsumer.config.StoreConfig;
import io.github.oauthconsumer.config.Usage;
import io.github.oauthconsumer.config.ValidatePaths;
import io.github.oauthconsumer.config.ValidationConfig;
import io.github.oauthconsumer.flow.AuthorizationFlows;
import io.github.oauthconsumer.flow.DefaultAccessTokenFlow;
import io.github.oauthconsumer.monitoring.Monitor;
import io.github.oauthconsumer.flow.RequireAccessTokenInterceptor;
import io.github.oauthconsumer.login.SignedLaunchMechanism;
import io.github.oauthconsumer.monitoring.ConsumersReadiness;
import io.github.oauthconsumer.monitoring.OpenTelemetryMonitor;
import io.github.oauthconsumer.monitoring.ServerApis;
import io.github.oauthconsumer.store.ApplicationStores;
import io.github.oauthconsumer.store.DefaultNonceStore;
import io.github.oauthconsumer.store.SessionAccessTokenStore;
import io.github.oauthconsumer.store.SessionPendingAuthorizationStore;
import io.github.oauthconsumer.validation.CurrentValidatedRequest;
import io.github.oauthconsumer.validation.ServletSignatureValidation;
import io.github.oauthconsumer.validation.SignatureValidators;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessProducerField;
import jakarta.enterprise.inject.spi.ProcessProducerMethod;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Provider;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The portable extension: registers the library's beans, finds every consumer name the
 * application uses (injection points, config producers, {@link RequireAccessToken},
 * {@link ValidateSignature}, {@code oauth1.<name>.validate-paths}, the signed-launch login, rest
 * client interfaces), adds one {@link SignedClient} bean per name and the signed-launch login's
 * mechanism when the application switches it on,
 * and checks each name's configuration when the application is deployed. Where the server gives
 * the application OpenTelemetry and MicroProfile Health, it adds the {@code monitoring} beans;
 * elsewhere a {@code Monitor} that reports nothing. All problems are
 * reported together in one deployment error, each naming the key or bean to fix. It does no
 * protocol work.
 */
public class OAuth1Extension implements Extension {

    private static final Logger LOG = Logger.getLogger(OAuth1Extension.class.getName());

    private static final List<Class<?>> LIBRARY_BEANS = List.of(
            ConsumerRegistry.class, CurrentUserTokens.class, SignatureValidators.class, CurrentValidatedRequest.class,
            AuthorizationFlows.class, RequireAccessTokenInterceptor.class, ApplicationStores.class,
            ServletSignatureValidation.class, DefaultAccessTokenFlow.class);

    /** The stores of each node ({@code oauth1.store=local}, the default). */
    private static final List<Class<?>> LOCAL_STORES = List.of(
            SessionAccessTokenStore.class, SessionPendingAuthorizationStore.class, DefaultNonceStore.class,
            LocalTokenRenewals.class);

    /** The stores a cluster shares ({@code oauth1.store=jcache}); named only then, so that javax.cache is not loaded otherwise. */
    private static List<Class<?>> sharedStores() {
        return List.of(SharedCaches.class, SharedAccessTokenStore.class, SharedPendingAuthorizationStore.class,
                SharedNonceStore.class, SharedTokenRenewals.class);
    }

    /** Reports to OpenTelemetry; named only where its API is present, so that it is not loaded otherwise. */
    private static Class<?> openTelemetryMonitor() {
        return OpenTelemetryMonitor.class;
    }

    /** The readiness check; named only where the MicroProfile Health API is present. */
    private static Class<?> readinessCheck() {
        return ConsumersReadiness.class;
    }

    private final Map<String, Set<Usage>> usages = new TreeMap<>();
    private final Map<String, List<Producer>> producers = new TreeMap<>();
    private final ConsumerDefinitions definitions = new ConsumerDefinitions();
    private final List<Class<?>> launchDefinitions = new ArrayList<>();
    private final List<String> loginProblems = new ArrayList<>();
    private SignedLaunchConfig.Settings login;
    private boolean monitored;

    void registerLibraryBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        List<Class<?>> types = new ArrayList<>(LIBRARY_BEANS);
        types.addAll(sharedStoresChosen() ? sharedStores() : LOCAL_STORES);
        monitored = ServerApis.hasOpenTelemetry();
        if (monitored) {
            types.add(openTelemetryMonitor());
        }
        if (ServerApis.hasHealth()) {
            types.add(readinessCheck());
        }
        for (Class<?> type : types) {
            event.addAnnotatedType(beanManager.createAnnotatedType(type), OAuth1Extension.class.getName() + "." + type.getSimpleName());
        }
    }

    /** Whether {@code oauth1.store} asks for the shared stores; a bad value is reported at validation. */
    private static boolean sharedStoresChosen() {
        try {
            return StoreConfig.read(ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader())).shared();
        } catch (IllegalArgumentException reportedLater) {
            return false;
        }
    }

    void collectAnnotatedTypes(@Observes @WithAnnotations({RequireAccessToken.class, ValidateSignature.class,
            OAuthConsumer.class, SignedLaunchAuthenticationMechanismDefinition.class}) ProcessAnnotatedType<?> event) {
        AnnotatedType<?> type = event.getAnnotatedType();
        if (type.isAnnotationPresent(SignedLaunchAuthenticationMechanismDefinition.class)) {
            launchDefinitions.add(type.getJavaClass());
        }
        if (type.isAnnotationPresent(Interceptor.class)) {
            return; // the binding on an interceptor names no consumer
        }
        collectUsages(type);
        type.getMethods().forEach(this::collectUsages);
        if (type.getJavaClass().isInterface() && type.isAnnotationPresent(OAuthConsumer.class)) {
            use(type.getAnnotation(OAuthConsumer.class).value(), Usage.SIGNING);
        }
    }

    <T, X> void collectInjectionPoint(@Observes ProcessInjectionPoint<T, X> event) {
        event.getInjectionPoint().getQualifiers().stream()
                .filter(OAuthConsumer.class::isInstance)
                .map(qualifier -> ((OAuthConsumer) qualifier).value())
                .forEach(name -> use(name, isSignedClient(event.getInjectionPoint().getType()) ? Usage.SIGNING : null));
    }

    void collectProducerMethod(@Observes ProcessProducerMethod<OAuthConsumerConfig, ?> event) {
        collectProducer(event.getAnnotatedProducerMethod(), new Producer(event.getBean(),
                event.getAnnotatedProducerMethod().getJavaMember().toString()));
    }

    void collectProducerField(@Observes ProcessProducerField<OAuthConsumerConfig, ?> event) {
        collectProducer(event.getAnnotatedProducerField(), new Producer(event.getBean(),
                event.getAnnotatedProducerField().getJavaMember().toString()));
    }

    /**
     * Adds the signed-launch login when the application switches it on (its annotation, or
     * {@code oauth1.signed-launch.*}): only then, since a Jakarta Security mechanism bean puts every
     * request of the application through Jakarta Security.
     */
    void addLogin(@Observes AfterTypeDiscovery event, BeanManager beanManager) {
        if (launchDefinitions.size() > 1) {
            loginProblems.add("@" + SignedLaunchAuthenticationMechanismDefinition.class.getSimpleName() + " is on "
                    + launchDefinitions.size() + " classes, one is allowed: " + launchDefinitions.stream()
                    .map(Class::getName).collect(Collectors.joining(", ")));
            return;
        }
        SignedLaunchAuthenticationMechanismDefinition annotation = launchDefinitions.isEmpty() ? null
                : launchDefinitions.get(0).getAnnotation(SignedLaunchAuthenticationMechanismDefinition.class);
        SignedLaunchConfig.Result result = SignedLaunchConfig.read(
                ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader()), annotation == null ? null
                        : new SignedLaunchConfig.Settings(annotation.consumer(), annotation.launchPath(),
                        annotation.userParameter(), annotation.rolesParameter(), annotation.landingPage()));
        loginProblems.addAll(result.problems());
        result.settings().ifPresent(settings -> {
            login = settings;
            use(settings.consumer(), Usage.VALIDATION);
            event.addAnnotatedType(beanManager.createAnnotatedType(SignedLaunchMechanism.class),
                    OAuth1Extension.class.getName() + "." + SignedLaunchMechanism.class.getSimpleName());
        });
    }

    void addBeans(@Observes AfterBeanDiscovery event) {
        event.addBean()
                .beanClass(ConsumerDefinitions.class)
                .types(ConsumerDefinitions.class, Object.class)
                .scope(Dependent.class)
                .produceWith(beans -> definitions);
        if (!monitored) {
            event.addBean()
                    .beanClass(Monitor.class)
                    .types(Monitor.class, Object.class)
                    .scope(Dependent.class)
                    .produceWith(beans -> Monitor.NONE);
        }
        if (login != null) {
            SignedLaunchConfig.Settings settings = login;
            event.addBean()
                    .beanClass(SignedLaunchMechanism.class)
                    .types(SignedLaunchConfig.Settings.class, Object.class)
                    .scope(Dependent.class)
                    .produceWith(beans -> settings);
        }
        for (String name : usages.keySet()) {
            event.addBean()
                    .beanClass(ConsumerRegistry.class)
                    .types(SignedClient.class, Object.class)
                    .qualifiers(OAuthConsumer.Literal.of(name), Any.Literal.INSTANCE)
                    .scope(Dependent.class)
                    .produceWith(beans -> beans.select(ConsumerRegistry.class).get().signedClient(name));
        }
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config config = ConfigProvider.getConfig(loader);
        ConsumerConfigResolver resolver = new ConsumerConfigResolver(config, loader);
        List<String> problems = new ArrayList<>(loginProblems);
        StoreConfig.problem(config).ifPresent(problems::add);
        ValidatePaths.Result paths = ValidatePaths.read(config);
        problems.addAll(paths.problems());
        paths.patterns().keySet().forEach(name -> use(name, Usage.VALIDATION));
        if (usages.values().stream().anyMatch(uses -> uses.contains(Usage.VALIDATION))) {
            problems.addAll(ValidationConfig.globalProblems(config));
        }
        usages.forEach((name, uses) -> {
            List<Producer> declared = producers.getOrDefault(name, List.of());
            if (declared.size() > 1) {
                problems.add("@OAuthConsumer(\"" + name + "\") has " + declared.size()
                        + " OAuthConsumerConfig producers, one is allowed: "
                        + declared.stream().map(Producer::member).collect(Collectors.joining(", ")));
                return;
            }
            OAuthConsumerConfig produced;
            try {
                produced = declared.isEmpty() ? null : declared.get(0).produce(beanManager);
            } catch (RuntimeException e) {
                problems.add("the OAuthConsumerConfig producer " + declared.get(0).member() + " failed: " + e);
                return;
            }
            ConsumerConfigResolver.Result result = resolver.resolve(name, produced, uses);
            problems.addAll(result.problems());
            if (result.isValid()) {
                definitions.add(result.definition());
                if (result.definition().config().explainRefusals()) {
                    LOG.warning(ConfigKeys.key(name, ConfigKeys.EXPLAIN_REFUSALS) + " is on: refusals of incoming requests"
                            + " with signature_invalid show the client the signature base string and URL this server"
                            + " computed (never a secret). Meant for setting up a platform; switch it off afterwards");
                }
            }
            if (result.isValid() && uses.contains(Usage.VALIDATION)) {
                problems.addAll(ValidationConfig.keys(config, loader, result.definition()).problems());
            }
        });
        if (!problems.isEmpty()) {
            event.addDeploymentProblem(new DeploymentException(
                    "OAuth 1.0a consumer configuration has " + problems.size() + " problem(s):\n  - "
                            + String.join("\n  - ", problems)));
        }
    }

    private void collectProducer(Annotated annotated, Producer producer) {
        OAuthConsumer consumer = annotated.getAnnotation(OAuthConsumer.class);
        if (consumer != null) {
            use(consumer.value(), null);
            producers.computeIfAbsent(consumer.value(), name -> new ArrayList<>()).add(producer);
        }
    }

    private void collectUsages(Annotated annotated) {
        RequireAccessToken flow = annotated.getAnnotation(RequireAccessToken.class);
        if (flow != null) {
            use(flow.value(), Usage.FLOW);
        }
        ValidateSignature validation = annotated.getAnnotation(ValidateSignature.class);
        if (validation != null) {
            use(validation.value(), Usage.VALIDATION);
        }
    }

    /** {@code SignedClient}, or the lazy {@code Instance<SignedClient>} / {@code Provider<SignedClient>}. */
    private static boolean isSignedClient(Type type) {
        if (type instanceof ParameterizedType lazy
                && (lazy.getRawType() == Instance.class || lazy.getRawType() == Provider.class)) {
            return lazy.getActualTypeArguments()[0] == SignedClient.class;
        }
        return type == SignedClient.class;
    }

    private void use(String name, Usage usage) {
        Set<Usage> uses = usages.computeIfAbsent(name, key -> EnumSet.noneOf(Usage.class));
        if (usage != null) {
            uses.add(usage);
        }
    }

    /** An application's {@code OAuthConsumerConfig} producer: its bean and the member that declares it. */
    private record Producer(Bean<?> bean, String member) {

        /**
         * Calls the producer through its own bean, not by type resolution: on GlassFish and Payara
         * the extension's bean manager cannot see the application's beans.
         */
        OAuthConsumerConfig produce(BeanManager beanManager) {
            return (OAuthConsumerConfig) beanManager.getReference(bean, OAuthConsumerConfig.class,
                    beanManager.createCreationalContext(bean));
        }
    }
}
