package io.github.oauthconsumer.validation;

import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.ValidateSignature;
import io.github.oauthconsumer.core.OncePerInterval;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renders the configured {@code page.invalid-signature} (a static file, a JSP, a servlet: anything
 * the application serves at that path) into the body of a refusal. The page is included with the
 * request attribute {@link ValidateSignature#PROBLEM_ATTRIBUTE} set to the {@code oauth_problem}
 * code, and its output captured, so that the refusal keeps its status and
 * {@code WWW-Authenticate} header. It is included with the container's own request and response
 * ({@link ServletExchange}). A page that cannot be rendered is reported in one line at most once a
 * minute (every refused request would otherwise log it), and the refusal goes out without it.
 */
final class InvalidSignaturePage {

    private static final Logger LOG = Logger.getLogger(InvalidSignaturePage.class.getName());
    private static final OncePerInterval LOG_GATE = new OncePerInterval(Duration.ofMinutes(1));

    private InvalidSignaturePage() {
    }

    /**
     * The refusal with the page as its body, or null when the page cannot be rendered (logged).
     *
     * @param status  the refusal's status
     * @param headers the refusal's headers
     */
    static Refusal render(String page, OAuthProblemException problem, ServletExchange exchange,
                          int status, Map<String, String> headers) {
        HttpServletRequest request = exchange.request();
        try {
            RequestDispatcher dispatcher = request.getRequestDispatcher(page);
            if (dispatcher == null) {
                return notRendered(page, "does not exist", null);
            }
            request.setAttribute(ValidateSignature.PROBLEM_ATTRIBUTE, problem.problem().code());
            Capture capture = new Capture(exchange.response());
            // through a wrapper, as the flow's forward: Open Liberty takes a dispatch of its own
            // request object that carries "Upgrade: h2c" for a second HTTP/2 upgrade, which hangs
            dispatcher.include(new HttpServletRequestWrapper(request), capture);
            byte[] body = capture.bytes();
            if (capture.failed) {
                return notRendered(page, "answered with an error or a redirect", null);
            }
            if (body.length == 0) {
                return notRendered(page, "is empty", null);
            }
            String type = request.getServletContext().getMimeType(page);
            type = type == null ? "text/html" : type;
            return new Refusal(status, headers, type.startsWith("text/") ? type + ";charset=UTF-8" : type, body);
        } catch (IOException | ServletException | RuntimeException e) {
            return notRendered(page, "could not be rendered: " + e, e);
        } finally {
            request.removeAttribute(ValidateSignature.PROBLEM_ATTRIBUTE);
        }
    }

    /** Reports a page that could not be used, in one line at most once a minute (the trace at FINE). */
    private static Refusal notRendered(String page, String why, Exception cause) {
        if (LOG_GATE.tryPass() >= 0) {
            LOG.warning("the invalid-signature page " + page + " " + why
                    + "; refusals go out without it (logged at most once a minute)");
        }
        if (cause != null) {
            LOG.log(Level.FINE, "the invalid-signature page could not be rendered", cause);
        }
        return null;
    }

    /** A response that keeps what the included page writes; text is written as UTF-8. */
    private static final class Capture extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private PrintWriter writer;
        private ServletOutputStream stream;
        private boolean failed;

        Capture(HttpServletResponse response) {
            super(response);
        }

        byte[] bytes() {
            if (writer != null) {
                writer.flush();
            }
            return buffer.toByteArray();
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new IllegalStateException("the invalid-signature page is rendered synchronously");
                    }

                    @Override
                    public void write(int b) {
                        buffer.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        buffer.write(bytes, offset, length);
                    }
                };
            }
            return stream;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void resetBuffer() {
            buffer.reset();
        }

        @Override
        public void reset() {
            buffer.reset();
        }

        @Override
        public void sendError(int status) {
            failed = true;
        }

        @Override
        public void sendError(int status, String message) {
            failed = true;
        }

        @Override
        public void sendRedirect(String location) {
            failed = true;
        }

        @Override
        public void setStatus(int status) {
            // the refusal keeps its own status
        }

        @Override
        public void setHeader(String name, String value) {
            // the refusal keeps its own headers
        }

        @Override
        public void addHeader(String name, String value) {
            // the refusal keeps its own headers
        }

        @Override
        public void setContentType(String type) {
            // the refusal's content type comes from the page's file name, not from the include
        }

        @Override
        public void setCharacterEncoding(String charset) {
            // captured text is always UTF-8
        }

        @Override
        public void setContentLength(int length) {
            // the refusal gets its own length
        }

        @Override
        public void setContentLengthLong(long length) {
            // the refusal gets its own length
        }
    }
}
