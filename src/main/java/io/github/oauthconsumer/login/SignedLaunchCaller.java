package io.github.oauthconsumer.login;

import java.io.Serial;
import java.io.Serializable;
import java.util.Set;

/**
 * The caller a launch logged in, kept in the HTTP session (and replicated with it) so that the
 * following requests are that caller too.
 *
 * @param name   the caller's name, {@code <user>@<consumer key>}
 * @param groups the caller's groups
 */
record SignedLaunchCaller(String name, Set<String> groups) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The session attribute. */
    static final String ATTRIBUTE = SignedLaunchCaller.class.getName();

    /** Copies the groups. */
    SignedLaunchCaller {
        groups = Set.copyOf(groups);
    }
}
