package io.github.oauthconsumer.benchmarks;

import io.github.oauthconsumer.core.ParameterList;

/**
 * The requests every benchmark signs or verifies, and the credentials it signs them with (the
 * example values of Twitter's OAuth 1.0a documentation, so that key and secret lengths are
 * realistic).
 *
 * <p>Workload A is a 3-legged GET whose parameters are all in the query; workload B is a
 * 3-legged form POST whose status needs percent-encoding (spaces, {@code +}, {@code &}, a
 * non-ASCII snowman).
 */
public final class Workloads {

    /** The consumer key. */
    public static final String CONSUMER_KEY = "xvz1evFS4wEEPTGEFPHBog";
    /** The consumer secret. */
    public static final String CONSUMER_SECRET = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";
    /** The access token. */
    public static final String TOKEN = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb";
    /** The access token's secret. */
    public static final String TOKEN_SECRET = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE";

    /** The nonce of the requests signed once for the sanity checks and the verification benchmarks. */
    public static final String FIXED_NONCE = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg";
    /** The timestamp (seconds) that goes with {@link #FIXED_NONCE}. */
    public static final long FIXED_TIMESTAMP = 1318622958L;

    /** Workload A: the method. */
    public static final String A_METHOD = "GET";
    /** Workload A: the URL, whose query is signed. */
    public static final String A_URL =
            "https://api.example.com/1.1/statuses/home_timeline.json?count=50&include_entities=true&since_id=12345";

    /** Workload B: the method. */
    public static final String B_METHOD = "POST";
    /** Workload B: the URL. */
    public static final String B_URL = "https://api.example.com/1.1/statuses/update.json";
    /** Workload B: the form parameters as name, value pairs, decoded. */
    public static final String[][] B_FORM = {
            {"status", "Hello Ladies + Gentlemen, a signed OAuth request! \u2603 & more"},
            {"in_reply_to_status_id", "1"},
            {"lat", "37.7821120598956"},
            {"long", "-122.400612831116"},
            {"display_coordinates", "true"},
            {"place_id", "df51dec6f4ee2b2c"},
    };

    /** Workload A has no form parameters. */
    public static final String[][] NO_FORM = {};

    private Workloads() {
    }

    /** The form of workload B as the engine's list. */
    public static ParameterList bForm() {
        ParameterList form = new ParameterList();
        for (String[] pair : B_FORM) {
            form.add(pair[0], pair[1]);
        }
        return form;
    }

    /** The body of workload B, {@code application/x-www-form-urlencoded}, as it goes on the wire. */
    public static String bBody() {
        return bForm().toFormEncoded();
    }
}
