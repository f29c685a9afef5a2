package io.github.oauthconsumer.store;

import io.github.oauthconsumer.spi.AccessTokenStore;
import io.github.oauthconsumer.spi.PendingAuthorizationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The stores the application chose: its own {@code @Alternative} {@link AccessTokenStore} and
 * {@link PendingAuthorizationStore}, or the library's session-based defaults.
 *
 * <p>They are resolved with the application's {@code BeanManager} ({@code java:comp/BeanManager}),
 * not injected into the library's beans: on GlassFish and Payara the beans an extension registers
 * live in a bean archive that cannot see {@code WEB-INF/classes}, so injection there would never
 * pick an application's alternative. Where there is no such {@code BeanManager} (outside a
 * component, or in Weld SE), the library's own resolution is used, and not remembered.
 */
@ApplicationScoped
public class ApplicationStores {

    private static final String BEAN_MANAGER = "java:comp/BeanManager";

    @Inject
    Instance<AccessTokenStore> accessTokenStores;

    @Inject
    Instance<PendingAuthorizationStore> pendingAuthorizationStores;

    private volatile AccessTokenStore accessTokens;
    private volatile PendingAuthorizationStore pendingAuthorizations;

    /** The access-token store. */
    public AccessTokenStore accessTokens() {
        AccessTokenStore chosen = accessTokens;
        if (chosen == null) {
            chosen = fromApplication(AccessTokenStore.class);
            if (chosen == null) {
                return accessTokenStores.get();
            }
            accessTokens = chosen;
        }
        return chosen;
    }

    /** The pending-authorization store. */
    public PendingAuthorizationStore pendingAuthorizations() {
        PendingAuthorizationStore chosen = pendingAuthorizations;
        if (chosen == null) {
            chosen = fromApplication(PendingAuthorizationStore.class);
            if (chosen == null) {
                return pendingAuthorizationStores.get();
            }
            pendingAuthorizations = chosen;
        }
        return chosen;
    }

    /** The bean the application's bean manager resolves for the type, or null without such a bean manager. */
    private static <T> T fromApplication(Class<T> type) {
        BeanManager manager;
        try {
            manager = (BeanManager) new InitialContext().lookup(BEAN_MANAGER);
        } catch (NamingException | RuntimeException noComponent) {
            return null;
        }
        Bean<?> bean = manager.resolve(manager.getBeans(type));
        return bean == null ? null : type.cast(manager.getReference(bean, type, manager.createCreationalContext(bean)));
    }
}
