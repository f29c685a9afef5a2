package io.github.oauthconsumer.flow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one step of the access-token flow answers; {@link AuthorizationServlet} turns it into HTTP. */
sealed interface FlowOutcome {

    /** The HTTP status. */
    int status();

    /**
     * A redirect (303 See Other).
     *
     * @param location an absolute URL, or an absolute path on this server
     */
    record Redirect(String location) implements FlowOutcome {
        @Override
        public int status() {
            return 303;
        }
    }

    /**
     * A forward to one of the application's pages, with request attributes.
     *
     * @param page       the page's path inside the application, starting with {@code /}
     * @param status     the status the page is shown with
     * @param attributes the request attributes to set (see {@code FlowPageAttributes})
     */
    record Forward(String page, int status, Map<String, Object> attributes) implements FlowOutcome {
        /** Copies the attributes, keeping their order; null values are allowed. */
        public Forward {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    /**
     * One of the library's own small HTML pages.
     *
     * @param status   the HTTP status
     * @param title    the page title, plain text
     * @param message  what happened and what to do, plain text
     * @param linkText the text of a link that helps (start again, continue), or null
     * @param linkUrl  where that link goes, or null
     */
    record Page(int status, String title, String message, String linkText, String linkUrl) implements FlowOutcome {
    }

    /**
     * The library's verifier page for an out-of-band consumer: a link to the provider's approval
     * page and a form where the user pastes the code it shows. Status 200.
     *
     * @param consumerName     the consumer name
     * @param authorizationUrl the provider's approval page for the pending request token
     * @param action           where the form posts, an absolute path on this server
     * @param csrfToken        the value of the form's {@code csrf_token} field
     */
    record VerifierForm(String consumerName, String authorizationUrl, String action, String csrfToken)
            implements FlowOutcome {
        @Override
        public int status() {
            return 200;
        }
    }
}
