package io.github.oauthconsumer.validation;

import io.github.oauthconsumer.core.ParameterList;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as the application sees it once a signature check has read it: the body's bytes again
 * ({@link #getInputStream()}, {@link #getReader()}) and the parameters exactly as they were verified
 * ({@link #getParameter}, {@link #getParameterMap()}: the query's, decoded as UTF-8 as RFC 5849
 * decodes them, then a form's, decoded in its charset). Some JAX-RS implementations fill
 * {@code @FormParam} from the servlet's parameters rather than from the entity (RESTEasy on Open
 * Liberty), and servlets and Faces read {@code getParameter}: all of them then read what was
 * verified, never a body the container can no longer parse nor a query it decodes in another
 * charset. Until a check has read the request, and for requests none checks, this is the request as
 * it is; it notes whether the application read the body before the check could
 * ({@link #readBeforeCheck()}).
 */
final class VerifiedServletRequest extends HttpServletRequestWrapper {

    /**
     * The request attribute that holds a request checked before the servlet filters ran (by the
     * signed-launch login), for {@link ServletExchangeFilter} to hand on to the application.
     */
    static final String EARLY_ATTRIBUTE = VerifiedServletRequest.class.getName() + ".early";

    private volatile Verified verified;
    private volatile Map<String, String[]> parameters;
    private volatile boolean readBeforeCheck;

    /**
     * What a check read and accepted.
     *
     * @param body    the body's bytes, or null when the request had none
     * @param charset the charset {@link #getReader()} decodes the body with
     * @param form    the form's parameters, or null when the body is no form
     */
    private record Verified(byte[] body, Charset charset, ParameterList form) {
    }

    VerifiedServletRequest(HttpServletRequest request) {
        super(request);
    }

    /** Whether a check could read anything of the request that the container would read otherwise. */
    static boolean isNeeded(HttpServletRequest request) {
        return request.getQueryString() != null || mayHaveBody(request);
    }

    /**
     * Whether the request may carry a body: it declares a length above zero or a transfer encoding,
     * or says it carries a form.
     */
    static boolean mayHaveBody(HttpServletRequest request) {
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            return true;
        }
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33);
    }

    /**
     * Records the body the check read and, for a form, the charset it was decoded with and its
     * parameters, decoded.
     *
     * @param charset the form's charset, or null when the body is no form
     * @param form    the form's parameters, or null when the body is no form
     */
    void verified(byte[] body, Charset charset, ParameterList form) {
        verified = new Verified(body, charset == null ? readerCharset() : charset, form);
    }

    /** Records that a check accepted the request; its parameters are then the verified ones. */
    void accepted() {
        if (verified == null) {
            verified = new Verified(null, readerCharset(), null);
        }
    }

    /** This request, wrapped around another object of the same request, with what was verified already. */
    VerifiedServletRequest around(HttpServletRequest request) {
        VerifiedServletRequest moved = new VerifiedServletRequest(request);
        moved.verified = verified;
        return moved;
    }

    /** The body as the container has it, read without noting it as the application's read. */
    byte[] readOriginalBody(int limit) throws IOException {
        return super.getInputStream().readNBytes(limit);
    }

    /** Whether the application read the body or the parameters before the check read the body. */
    boolean readBeforeCheck() {
        return readBeforeCheck && verified == null;
    }

    /** The charset {@link #getReader()} reads a body that is no form in, as the container would. */
    private Charset readerCharset() {
        String declared = getCharacterEncoding();
        try {
            return declared == null ? StandardCharsets.ISO_8859_1 : Charset.forName(declared);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** The current verification; notes a read by the application when there is none yet. */
    private Verified current() {
        Verified current = verified;
        if (current == null) {
            readBeforeCheck = true;
        }
        return current;
    }

    /**
     * The query's parameters, then the form's, built on first use only: JAX-RS implementations
     * that read the entity never ask, and the check's hot path stays free of it.
     */
    private Map<String, String[]> parameters(Verified current) {
        Map<String, String[]> built = parameters;
        if (built == null) {
            built = merge(getQueryString(), current.form());
            parameters = built;
        }
        return built;
    }

    private static Map<String, String[]> merge(String query, ParameterList form) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            try {
                addAll(merged, ParameterList.parseFormEncoded(query));
            } catch (IllegalArgumentException malformed) {
                // a query the verifier could not read was refused before this; nothing to add
            }
        }
        if (form != null) {
            addAll(merged, form);
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        merged.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        return Collections.unmodifiableMap(parameters);
    }

    private static void addAll(Map<String, List<String>> into, ParameterList parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            into.computeIfAbsent(parameters.name(i), name -> new ArrayList<>()).add(parameters.value(i));
        }
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        Verified current = current();
        if (current == null || current.body() == null) {
            return super.getInputStream();
        }
        ByteArrayInputStream bytes = new ByteArrayInputStream(current.body());
        return new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return bytes.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("the body was already read by the signature check; read it synchronously");
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        Verified current = current();
        if (current == null || current.body() == null) {
            return super.getReader();
        }
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(current.body()), current.charset()));
    }

    @Override
    public String getParameter(String name) {
        Verified current = current();
        if (current == null) {
            return super.getParameter(name);
        }
        String[] values = parameters(current).get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Verified current = current();
        return current == null ? super.getParameterMap() : parameters(current);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        Verified current = current();
        return current == null ? super.getParameterNames() : Collections.enumeration(parameters(current).keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        Verified current = current();
        if (current == null) {
            return super.getParameterValues(name);
        }
        String[] values = parameters(current).get(name);
        return values == null ? null : values.clone();
    }
}
