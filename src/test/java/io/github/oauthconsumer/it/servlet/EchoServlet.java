package io.github.oauthconsumer.it.servlet;

import io.github.oauthconsumer.api.OAuthProblemException;
import io.github.oauthconsumer.api.SignatureValidation;
import io.github.oauthconsumer.api.ValidatedRequest;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plain servlet behind both servlet entry points: under {@code /filtered/} the library's servlet
 * filter ({@code validate-paths}) has checked the request before it gets here; under
 * {@code /programmatic/<name>/} it checks the request itself with {@link SignatureValidation} and
 * answers a refusal with the exception's status and problem. Either way it then answers with what
 * it can read, one {@code name=value} line each: the verified request, the parameters and the body.
 */
@WebServlet(urlPatterns = {"/filtered/*", "/programmatic/*"})
public class EchoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SignatureValidation signatures;

    @Inject
    ValidatedRequest validated;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ValidatedRequest returned = null;
        if (request.getServletPath().equals("/programmatic")) {
            if (request.getHeader("X-Read-First") != null) {
                request.getParameterMap(); // the mistake the library must report
            }
            String name = request.getPathInfo().split("/")[1];
            try {
                returned = signatures.validate(name);
            } catch (OAuthProblemException refused) {
                StringBuilder body = new StringBuilder("oauth_problem=").append(refused.problem().code());
                refused.parameters().forEach((key, value) -> body.append('&').append(key).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
                response.setStatus(refused.status());
                response.setContentType("application/x-www-form-urlencoded");
                response.getWriter().write(body.toString());
                return;
            } catch (IllegalStateException misuse) {
                response.setStatus(500);
                response.setContentType("text/plain");
                response.getWriter().write("misuse=" + misuse.getMessage() + "\n");
                return;
            }
        }
        if (!validated.isValidated()) {
            response.setContentType("text/plain");
            response.getWriter().write("validated=false\n");
            return;
        }
        StringBuilder out = new StringBuilder()
                .append("consumerName=").append(validated.consumerName()).append('\n')
                .append("consumerKey=").append(validated.consumerKey()).append('\n')
                .append("signatureMethod=").append(validated.signatureMethod()).append('\n');
        if (returned != null) {
            out.append("returned.consumerKey=").append(returned.consumerKey()).append('\n')
                    .append("returned.nonce=").append(returned.nonce().equals(validated.nonce())).append('\n');
        }
        validated.parameters().forEach((name, values) -> out.append("signed.").append(name).append('=')
                .append(String.join(",", values)).append('\n'));
        Map<String, String> parameters = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put("param." + name, String.join(",", values)));
        parameters.forEach((name, value) -> out.append(name).append('=').append(value).append('\n'));
        String type = request.getContentType();
        if (type != null && !type.startsWith("application/x-www-form-urlencoded")) {
            out.append("body=").append(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).append('\n');
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(out.toString());
    }
}
