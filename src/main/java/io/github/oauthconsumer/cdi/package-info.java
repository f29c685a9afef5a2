/**
 * The portable extension: discovers the consumer names an application uses, adds one set of beans
 * per name, registers the library's own beans and reports every configuration problem at
 * deployment. It discovers and validates only; the work at run time is done by the capability
 * packages.
 *
 * <p>Internal: not API. May use every other package of the library; nothing uses it.
 */
package io.github.oauthconsumer.cdi;
