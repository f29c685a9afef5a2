package io.github.oauthconsumer.demo.provider;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.oauth1.signature.HmaSha1Method;
import org.glassfish.jersey.oauth1.signature.OAuth1Parameters;
import org.glassfish.jersey.oauth1.signature.OAuth1Request;
import org.glassfish.jersey.oauth1.signature.OAuth1Secrets;
import org.glassfish.jersey.oauth1.signature.OAuth1Signature;
import org.glassfish.jersey.oauth1.signature.OAuth1SignatureException;
import org.glassfish.jersey.uri.UriComponent;

import static io.github.oauthconsumer.demo.provider.Html.escape;

/**
 * A learning platform's side of an LTI 1.1 basic launch, for the other direction of OAuth 1.0a:
 * {@code GET lti/launch?target=URL[&user=alice][&role=Learner]} renders a form that the browser
 * POSTs to {@code target}, its fields signed with HMAC-SHA1 by Jersey's {@link OAuth1Signature}
 * with the demo consumer's key and secret, the OAuth parameters in the form body as learning
 * platforms send them. It signs only for targets on 127.0.0.1 or localhost, so that it is no signer
 * for anyone's URL, and only for a user name of letters and digits and one of the LTI context roles.
 */
@Path("lti/launch")
public final class LtiLaunchPage {

    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost");
    private static final Set<String> ROLES = Set.of("Learner", "Instructor", "TeachingAssistant", "ContentDeveloper",
            "Mentor", "Administrator");

    private final DemoSettings settings;

    @Inject
    private OAuth1Signature signature;

    LtiLaunchPage(DemoSettings settings) {
        this.settings = settings;
    }

    /** The auto-submitting launch form, or 400 for a target that is not local. */
    @GET
    public Response launch(@QueryParam("target") String target, @QueryParam("user") String userParameter,
                           @QueryParam("role") String roleParameter) throws OAuth1SignatureException {
        URI uri = localTarget(target);
        if (uri == null) {
            return Html.page(Response.Status.BAD_REQUEST, "Launch refused",
                    "<p><code>target</code> must be an absolute http(s) URL on 127.0.0.1 or localhost.</p>");
        }
        String user = userParameter == null ? "alice" : userParameter;
        String role = roleParameter == null ? "Learner" : roleParameter;
        if (!user.matches("[A-Za-z0-9]{1,32}") || !ROLES.contains(role)) {
            return Html.page(Response.Status.BAD_REQUEST, "Launch refused",
                    "<p><code>user</code> must be letters and digits, <code>role</code> one of " + escape(ROLES.toString()) + ".</p>");
        }
        MultivaluedMap<String, String> fields = new MultivaluedHashMap<>();
        fields.putSingle("lti_message_type", "basic-lti-launch-request");
        fields.putSingle("lti_version", "LTI-1p0");
        fields.putSingle("resource_link_id", "demo-resource-1");
        fields.putSingle("user_id", user);
        fields.putSingle("roles", role);
        fields.putSingle("context_id", "demo-course-1");
        OAuth1Parameters oauth = new OAuth1Parameters()
                .consumerKey(settings.consumerKey())
                .signatureMethod(HmaSha1Method.NAME)
                .timestamp()
                .nonce()
                .version()
                .callback("about:blank");
        OAuth1Secrets secrets = new OAuth1Secrets().consumerSecret(settings.consumerSecret());
        oauth.setSignature(signature.generate(new LaunchRequest(uri, fields), oauth, secrets));
        oauth.forEach(fields::putSingle);

        StringBuilder inputs = new StringBuilder();
        fields.forEach((name, values) -> values.forEach(value -> inputs.append("<input type=\"hidden\" name=\"")
                .append(escape(name)).append("\" value=\"").append(escape(value)).append("\">\n")));
        return Html.page(Response.Status.OK, "LTI launch", """
                <p>Launching <code>%1$s</code> as user <code>%4$s</code> (%5$s) of course <code>demo-course-1</code>,
                signed by consumer <code>%2$s</code>.</p>
                <form id="launch-form" method="post" action="%1$s" accept-charset="UTF-8">
                %3$s<button type="submit" id="launch">Launch</button>
                </form>
                <script>document.getElementById("launch-form").submit();</script>
                """.formatted(escape(uri.toString()), escape(settings.consumerKey()), inputs, escape(user), escape(role)));
    }

    private static URI localTarget(String target) {
        if (target == null) {
            return null;
        }
        try {
            URI uri = new URI(target);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null && LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT)) ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The POST the browser will send, as Jersey's signer sees it: the target's query and the form fields. */
    private record LaunchRequest(URI target, MultivaluedMap<String, String> form) implements OAuth1Request {

        @Override
        public String getRequestMethod() {
            return "POST";
        }

        @Override
        public URL getRequestURL() {
            try {
                return target.toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a URL: " + target, e);
            }
        }

        @Override
        public Set<String> getParameterNames() {
            Set<String> names = new LinkedHashSet<>(query().keySet());
            names.addAll(form.keySet());
            return names;
        }

        @Override
        public List<String> getParameterValues(String name) {
            List<String> values = new ArrayList<>(query().getOrDefault(name, List.of()));
            values.addAll(form.getOrDefault(name, List.of()));
            return values;
        }

        private MultivaluedMap<String, String> query() {
            return UriComponent.decodeQuery(target, true);
        }

        @Override
        public List<String> getHeaderValues(String name) {
            return List.of();
        }

        @Override
        public void addHeaderValue(String name, String value) {
            throw new IllegalStateException("a launch carries its OAuth parameters in the form, not in a header");
        }
    }
}
