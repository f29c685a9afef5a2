package io.github.oauthconsumer.sample;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import static io.github.oauthconsumer.sample.Html.escape;

/** Shows what the provider answers to a 2-legged call made through {@link DemoStatusApi}. */
@Path("status")
@RequestScoped
public class TwoLeggedPage {

    @Inject
    @RestClient
    DemoStatusApi provider;

    /** The provider's answer, or why there is none. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show() {
        String answer;
        try {
            answer = provider.status();
        } catch (WebApplicationException refused) {
            return failure("answered " + refused.getResponse().getStatus());
        } catch (ProcessingException unreachable) {
            return failure("could not be reached: " + unreachable.getMessage());
        }
        return Response.ok(Html.page("A 2-legged call", """
                <p>The sample called the provider through a MicroProfile Rest Client interface annotated
                <code>@OAuthConsumer("demo")</code>: the request was signed with the consumer key and secret alone,
                no user and no token. The provider answered:</p>
                <pre id="resource">%s</pre>
                """.formatted(escape(answer)))).build();
    }

    private static Response failure(String what) {
        return Response.status(Response.Status.BAD_GATEWAY)
                .entity(Html.page("A 2-legged call", "<p id=\"failure\">The provider " + escape(what) + ".</p>"))
                .build();
    }
}
