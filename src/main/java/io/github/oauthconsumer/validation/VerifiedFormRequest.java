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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form request ({@code application/x-www-form-urlencoded}) as the application sees it once the
 * signature check has read its body: the same bytes again ({@link #getInputStream()},
 * {@link #getReader()}), and the parameters exactly as they were verified ({@link #getParameter},
 * {@link #getParameterMap()}: the query's, then the form's). Some JAX-RS implementations fill
 * {@code @FormParam} from the servlet's parameters rather than from the entity (RESTEasy on Open
 * Liberty), and a servlet reads {@code getParameter}: both then read what was verified, never a
 * body the container can no longer parse. Until the check has read the body, and for requests it
 * does not check, this is the request as it is.
 */
final class VerifiedFormRequest extends HttpServletRequestWrapper {

    private volatile Verified verified;
    private volatile Map<String, String[]> parameters;

    private record Verified(byte[] body, Charset charset, ParameterList form) {
    }

    VerifiedFormRequest(HttpServletRequest request) {
        super(request);
    }

    /** Whether the request says it carries a form. */
    static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33);
    }

    /**
     * Records what the check read and verified: the body's bytes, the charset it was decoded with,
     * and its parameters, decoded.
     */
    void verified(byte[] body, Charset charset, ParameterList form) {
        verified = new Verified(body, charset, form);
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
        addAll(merged, form);
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
        Verified current = verified;
        if (current == null) {
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
                throw new IllegalStateException("the form was already read by the signature check; read it synchronously");
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        Verified current = verified;
        if (current == null) {
            return super.getReader();
        }
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(current.body()), current.charset()));
    }

    @Override
    public String getParameter(String name) {
        Verified current = verified;
        if (current == null) {
            return super.getParameter(name);
        }
        String[] values = parameters(current).get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Verified current = verified;
        return current == null ? super.getParameterMap() : parameters(current);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        Verified current = verified;
        return current == null ? super.getParameterNames() : Collections.enumeration(parameters(current).keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        Verified current = verified;
        if (current == null) {
            return super.getParameterValues(name);
        }
        String[] values = parameters(current).get(name);
        return values == null ? null : values.clone();
    }
}
