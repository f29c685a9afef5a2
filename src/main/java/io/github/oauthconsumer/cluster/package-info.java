/**
 * Internal, not API: the stores a cluster shares, chosen with {@code oauth1.store=jcache}. Nonces,
 * pending authorizations, access tokens and token renewals live in JCache (JSR 107) caches, so that
 * a replay is refused on every node, a flow started on one node finishes on another without sticky
 * sessions, and an expired token is renewed once for the whole cluster.
 *
 * <p>Only this package names {@code javax.cache}: the extension adds its beans only when the
 * setting asks for them, so that servers without JCache never load it. It may use {@code api},
 * {@code spi}, {@code core}, {@code config}, {@code store} and {@code client}.
 */
package io.github.oauthconsumer.cluster;
