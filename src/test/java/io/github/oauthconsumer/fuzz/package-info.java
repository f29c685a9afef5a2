/**
 * Fuzz tests of every parser of network input: inputs built from valid ones by mutation, and
 * random text. Each input must be accepted only when it is valid, or refused with the documented
 * exception; no other exception. CI runs a fixed seed and a bounded number of tries; a long run:
 * {@code mvn -B -ntp test -Dtest='*FuzzTest' -Djqwik.tries.default=1000000}.
 */
package io.github.oauthconsumer.fuzz;
