package io.github.oauthconsumer.it.cluster;

import io.github.oauthconsumer.it.ItSupport;
import io.github.oauthconsumer.it.flow.Browser;
import io.github.oauthconsumer.it.flow.ProtectedResource;
import io.github.oauthconsumer.testprovider.EchoResponse;
import io.github.oauthconsumer.testprovider.JerseyOAuthProvider;
import io.github.oauthconsumer.testsupport.JerseyOAuth1.Param;
import io.github.oauthconsumer.testsupport.JerseySigner;
import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two Payara Micro nodes on 127.0.0.1 forming one Hazelcast cluster (TCP-IP join on loopback), the
 * same application on both with {@code oauth1.store=jcache}, no session replication and no sticky
 * balancer: the test plays the balancer and sends each request to the node it chooses. Shows that
 * a signed launch is accepted once in the cluster (replays refused {@code nonce_used} in every
 * transport, both ways, and also when both nodes see the same nonce at once), that a flow started
 * on one node completes on the other (and a forged or replayed callback is refused there), that a
 * token renewed on one node is used on the other, and that concurrent renewals on both nodes make
 * one renewal at the provider (Jersey's OAuth 1 server, in this JVM). Payara Micro only: it is the
 * server whose data grid is built in.
 */
class ClusterIT {

    private static final String CONTEXT = "cluster/";
    /** The address the signing platform uses: the balancer in front of both nodes. */
    private static final String BALANCER = "http://balancer.example/cluster";
    private static final String LTI_KEY = "cluster-lti-key";
    private static final String LTI_SECRET = "cluster lti secret";
    private static final String CONSUMER_KEY = "cluster-consumer";
    private static final String CONSUMER_SECRET = "cluster consumer secret";
    private static final AtomicLong NONCES = new AtomicLong();
    private static final JerseySigner JERSEY = new JerseySigner();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static JerseyOAuthProvider provider;
    private static PayaraNode nodeA;
    private static PayaraNode nodeB;
    private static ExecutorService threads;

    /** How a launch carries its OAuth parameters. */
    enum Transport { HEADER, QUERY, FORM }

    @BeforeAll
    static void startCluster() throws Exception {
        assumeTrue(ItSupport.Server.current() == ItSupport.Server.PAYARA, "the two-node cluster runs on Payara Micro");
        provider = JerseyOAuthProvider.start().registerConsumer(CONSUMER_KEY, CONSUMER_SECRET);
        Path work = Path.of("target", "cluster-it");
        Files.createDirectories(work);
        Path war = work.resolve("cluster.war");
        ItSupport.war("cluster.war", config(), ClusterApplication.class, LaunchResource.class, ProtectedResource.class,
                        NonceFloodResource.class)
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        int portA = PayaraNode.freePort();
        int portB = PayaraNode.freePort();
        nodeA = PayaraNode.start("a", war.toAbsolutePath(), portA, List.of(portA, portB), work);
        nodeB = PayaraNode.start("b", war.toAbsolutePath(), portB, List.of(portA, portB), work);
        nodeA.awaitClustered(240);
        nodeB.awaitClustered(240);
        threads = Executors.newFixedThreadPool(4);
    }

    private static List<String> config() {
        List<String> config = new ArrayList<>();
        config.add("oauth1.store=jcache");
        config.add("provider.base-url=" + provider.baseUri());
        config.addAll(provider.flowConsumerConfig("provider", CONSUMER_KEY, CONSUMER_SECRET, "carol"));
        config.add("oauth1.provider.read-timeout=20s");
        config.add("oauth1.lti.consumer-key=" + LTI_KEY);
        config.add("oauth1.lti.consumer-secret=" + LTI_SECRET);
        config.add("oauth1.lti.public-base-url=" + BALANCER);
        return config;
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (threads != null) {
            threads.shutdownNow();
        }
        for (PayaraNode node : new PayaraNode[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (provider != null) {
            provider.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aLaunchAcceptedOnOneNodeIsRefusedOnTheOther(Transport transport) throws Exception {
        Launch first = Launch.signed(transport, "u1");
        assertAccepted(first.sendTo(nodeA), "u1");
        assertNonceUsed(first.sendTo(nodeB));
        assertNonceUsed(first.sendTo(nodeA));

        Launch second = Launch.signed(transport, "u2");
        assertAccepted(second.sendTo(nodeB), "u2");
        assertNonceUsed(second.sendTo(nodeA));
    }

    @Test
    void theGridKeepsEveryNonceUntilItExpires() throws Exception {
        // more than a data grid keeps by default (Hazelcast evicts beyond 10,000 entries per cache),
        // in requests short enough for a busy machine
        String key = "flood-" + System.nanoTime();
        long timestamp = System.currentTimeMillis() / 1000;
        for (int from = 0; from < 24_000; from += 6_000) {
            assertEquals("accepted=6000", flood(nodeA, key, timestamp, from, 6_000));
        }
        assertEquals("accepted=0", flood(nodeB, key, timestamp, 0, 1), "a nonce evicted early would let its replay in");
    }

    private static String flood(PayaraNode node, String key, long timestamp, int from, int count) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(node.uri(CONTEXT + "api/nonce-flood?key=" + key + "&timestamp=" + timestamp
                        + "&from=" + from + "&count=" + count)).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void theSameNonceOnBothNodesAtTheSameMomentIsAcceptedOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            Launch launch = Launch.signed(Transport.FORM, "racer");
            CountDownLatch start = new CountDownLatch(1);
            Future<HttpResponse<String>> onA = threads.submit(atStart(start, () -> launch.sendTo(nodeA)));
            Future<HttpResponse<String>> onB = threads.submit(atStart(start, () -> launch.sendTo(nodeB)));
            start.countDown();
            List<HttpResponse<String>> responses = List.of(onA.get(60, TimeUnit.SECONDS), onB.get(60, TimeUnit.SECONDS));
            long accepted = responses.stream().filter(response -> response.statusCode() == 200).count();
            assertEquals(1, accepted, () -> "round with " + responses.stream().map(r -> r.statusCode() + " " + r.body()).toList());
            for (HttpResponse<String> response : responses) {
                if (response.statusCode() != 200) {
                    assertNonceUsed(response);
                }
            }
        }
    }

    @Test
    void aFlowStartedOnOneNodeCompletesOnTheOtherAndItsTokenIsUsedEverywhere() throws Exception {
        provider.accessTokenLifetime(Duration.ofHours(1));
        Browser browser = new Browser();
        URI callbackOnB = startOnAAndApprove(browser);

        // a forged callback: another browser, the same request token and verifier
        HttpResponse<String> forged = new Browser().get(callbackOnB);
        assertEquals(403, forged.statusCode(), forged.body());

        URI next = Browser.seeOther(browser.get(callbackOnB));
        assertEquals("/cluster/api/protected", next.getPath());
        HttpResponse<String> replayed = browser.get(callbackOnB);
        assertEquals(403, replayed.statusCode(), "a callback works once in the cluster: " + replayed.body());

        EchoResponse onA = echo(browser.get(nodeA.uri(CONTEXT + "api/protected"), "text/plain"));
        EchoResponse onB = echo(browser.get(nodeB.uri(CONTEXT + "api/protected"), "text/plain"));
        assertEquals("carol", onA.user());
        assertEquals(onA.token(), onB.token(), "both nodes sign with the token the flow stored on B");

        HttpResponse<String> stranger = new Browser().get(nodeA.uri(CONTEXT + "api/protected"));
        assertEquals(303, stranger.statusCode(), "the forged callback stored nothing: another browser has no token");
    }

    @Test
    void aTokenRenewedOnOneNodeIsUsedOnTheOther() throws Exception {
        Browser browser = new Browser();
        provider.accessTokenLifetime(Duration.ZERO); // the flow's token is expired when first used
        URI callbackOnB = startOnAAndApprove(browser);
        Browser.seeOther(browser.get(callbackOnB));
        provider.accessTokenLifetime(Duration.ofHours(1));

        int renewalsBefore = provider.renewalCount();
        EchoResponse onA = echo(browser.get(nodeA.uri(CONTEXT + "api/protected"), "text/plain"));
        assertEquals(renewalsBefore + 1, provider.renewalCount(), "node A renewed the expired token");
        EchoResponse onB = echo(browser.get(nodeB.uri(CONTEXT + "api/protected"), "text/plain"));
        assertEquals(onA.token(), onB.token(), "node B signs with the token A renewed");
        assertEquals(renewalsBefore + 1, provider.renewalCount(), "and does not renew again");
    }

    @Test
    void concurrentRenewalsOnBothNodesRenewOnceAtTheProvider() throws Exception {
        provider.accessTokenLifetime(Duration.ofHours(1));
        Browser browser = new Browser();
        URI callbackOnB = startOnAAndApprove(browser);
        Browser.seeOther(browser.get(callbackOnB));
        String token = echo(browser.get(nodeA.uri(CONTEXT + "api/protected"), "text/plain")).token();

        for (int round = 0; round < 3; round++) {
            provider.expire(token); // the provider answers 401 token_expired until it is renewed
            int renewalsBefore = provider.renewalCount();
            CountDownLatch start = new CountDownLatch(1);
            Future<HttpResponse<String>> onA = threads.submit(atStart(start,
                    () -> browser.get(nodeA.uri(CONTEXT + "api/protected"), "text/plain")));
            Future<HttpResponse<String>> onB = threads.submit(atStart(start,
                    () -> browser.get(nodeB.uri(CONTEXT + "api/protected"), "text/plain")));
            start.countDown();
            EchoResponse fromA = echo(onA.get(60, TimeUnit.SECONDS));
            EchoResponse fromB = echo(onB.get(60, TimeUnit.SECONDS));
            assertEquals(renewalsBefore + 1, provider.renewalCount(), "one renewal at the provider for both nodes");
            assertEquals(fromA.token(), fromB.token());
            assertNotEquals(token, fromA.token());
            token = fromA.token();
        }
    }

    /** Starts the flow on node A, approves at the provider, and returns the callback URL sent to node B instead. */
    private static URI startOnAAndApprove(Browser browser) throws IOException, InterruptedException {
        URI authorize = Browser.seeOther(browser.get(nodeA.uri(CONTEXT + "api/protected")));
        assertTrue(authorize.getPath().endsWith("/oauth1/provider/authorize"), authorize.toString());
        URI atProvider = Browser.seeOther(browser.get(authorize));
        URI callbackOnA = Browser.seeOther(browser.get(atProvider));
        assertEquals(nodeA.httpPort(), callbackOnA.getPort(), callbackOnA.toString());
        return nodeB.uri(callbackOnA.getRawPath().substring(1) + "?" + callbackOnA.getRawQuery());
    }

    private static EchoResponse echo(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), () -> response.body() + "\nnode logs: " + nodeA.log() + ", " + nodeB.log());
        return EchoResponse.parse(response.body());
    }

    private static void assertAccepted(HttpResponse<String> response, String user) {
        assertEquals(200, response.statusCode(), () -> response.body() + "\nnode logs: " + nodeA.log() + ", " + nodeB.log());
        assertEquals("accepted " + user, response.body());
    }

    private static void assertNonceUsed(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").endsWith(", oauth_problem=\"nonce_used\""),
                () -> response.headers().map().toString());
        assertTrue(response.body().contains("oauth_problem=nonce_used"), response.body());
    }

    private static <T> Callable<T> atStart(CountDownLatch start, Callable<T> work) {
        return () -> {
            start.await();
            return work.call();
        };
    }

    /** One signed launch, as the platform sent it, that the test can send to either node any number of times. */
    private record Launch(Transport transport, String user, OAuth1Parameters signed) {

        static Launch signed(Transport transport, String user) {
            OAuth1Parameters protocol = new OAuth1Parameters().consumerKey(LTI_KEY).signatureMethod("HMAC-SHA1")
                    .timestamp(Long.toString(System.currentTimeMillis() / 1000))
                    .nonce("cluster-" + System.nanoTime() + "-" + NONCES.incrementAndGet()).version();
            String url = BALANCER + "/api/launch";
            List<Param> userParam = List.of(new Param("user_id", user));
            OAuth1Parameters signed = transport == Transport.FORM
                    ? JERSEY.sign("POST", url, userParam, protocol, LTI_SECRET)
                    : JERSEY.sign("GET", url + "?user_id=" + user, List.of(), protocol, LTI_SECRET);
            return new Launch(transport, user, signed);
        }

        HttpResponse<String> sendTo(PayaraNode node) throws IOException, InterruptedException {
            String path = CONTEXT + "api/launch";
            HttpRequest.Builder request = switch (transport) {
                case HEADER -> HttpRequest.newBuilder(node.uri(path + "?user_id=" + user))
                        .header("Authorization", JerseySigner.authorizationHeader(signed));
                case QUERY -> HttpRequest.newBuilder(node.uri(path + "?user_id=" + user + "&"
                        + JerseySigner.formEncoded(Map.copyOf(signed))));
                case FORM -> HttpRequest.newBuilder(node.uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("user_id=" + user + "&" + JerseySigner.formEncoded(Map.copyOf(signed))));
            };
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
