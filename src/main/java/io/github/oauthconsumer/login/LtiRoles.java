package io.github.oauthconsumer.login;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The groups of a launch's {@code roles} parameter (LTI 1.1 section 4.1.1: a comma-separated list
 * of role URNs, or of short names for the context roles):
 *
 * <ul>
 * <li>a context role, short ({@code Instructor}, in any case) or as URN
 *     ({@code urn:lti:role:ims/lis/Instructor}), is its name: {@code Instructor}; with a sub-role
 *     ({@code urn:lti:role:ims/lis/Instructor/PrimaryInstructor}) also {@code Instructor/PrimaryInstructor};</li>
 * <li>an institution role {@code urn:lti:instrole:ims/lis/Faculty} is {@code institution:Faculty},
 *     a system role {@code urn:lti:sysrole:ims/lis/SysAdmin} is {@code system:SysAdmin}, so that
 *     neither is mistaken for a role in this context (a platform's administrators are no
 *     course's {@code Administrator});</li>
 * <li>anything else is kept as it was sent.</li>
 * </ul>
 *
 * The work is linear in the parameter's length.
 */
final class LtiRoles {

    /** The LIS context roles of LTI 1.1, by lower-case name. */
    private static final Map<String, String> CONTEXT_ROLES = Stream.of("Learner", "Instructor", "ContentDeveloper",
                    "Member", "Manager", "Mentor", "Administrator", "TeachingAssistant")
            .collect(Collectors.toMap(role -> role.toLowerCase(Locale.ROOT), Function.identity()));

    private static final String CONTEXT = "urn:lti:role:ims/lis/";
    private static final String INSTITUTION = "urn:lti:instrole:ims/lis/";
    private static final String SYSTEM = "urn:lti:sysrole:ims/lis/";

    private LtiRoles() {
    }

    /** The groups of a {@code roles} value; empty for null. */
    static Set<String> groups(String roles) {
        Set<String> groups = new LinkedHashSet<>();
        if (roles == null) {
            return groups;
        }
        for (String sent : roles.split(",")) {
            String role = sent.strip();
            if (role.isEmpty()) {
                continue;
            }
            if (startsWithIgnoreCase(role, CONTEXT)) {
                String name = role.substring(CONTEXT.length());
                int slash = name.indexOf('/');
                String main = contextRole(slash < 0 ? name : name.substring(0, slash));
                groups.add(main);
                if (slash >= 0 && slash + 1 < name.length()) {
                    groups.add(main + name.substring(slash));
                }
            } else if (startsWithIgnoreCase(role, INSTITUTION)) {
                groups.add("institution:" + role.substring(INSTITUTION.length()));
            } else if (startsWithIgnoreCase(role, SYSTEM)) {
                groups.add("system:" + role.substring(SYSTEM.length()));
            } else {
                groups.add(role.indexOf(':') < 0 && role.indexOf('/') < 0 ? contextRole(role) : role);
            }
        }
        return groups;
    }

    /** A context role's name as LTI spells it, whatever case it was sent in; an unknown name as it is. */
    private static String contextRole(String name) {
        return CONTEXT_ROLES.getOrDefault(name.toLowerCase(Locale.ROOT), name);
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
