package io.github.oauthconsumer.api;

/**
 * Where a signed request carries its protocol parameters (RFC 5849 section 3.5). The header is the
 * default and the one every provider accepts.
 */
public enum Transport {
    /** The {@code Authorization: OAuth ...} header. */
    HEADER,
    /** The query string of the request URL. */
    QUERY,
    /** The {@code application/x-www-form-urlencoded} body; only for requests that send a form. */
    BODY
}
