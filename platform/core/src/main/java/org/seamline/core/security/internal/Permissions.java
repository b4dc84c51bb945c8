package org.seamline.core.security.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.seamline.core.users.Role;

/**
 * The role table: the least role each request needs, by method and path, first matching rule wins. Anything no rule
 * names is the admin's, so a new endpoint is closed until a rule opens it. docs/security.md shows the same table.
 */
final class Permissions {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private record Rule(String prefix, boolean reads, Role role) {

        boolean matches(String path, boolean read) {
            return read == reads && (path.equals(prefix) || path.startsWith(prefix + "/"));
        }
    }

    /**
     * Changes to customers an agent may not make, checked before the path rules: erasing a person and merging or
     * unmerging two are a supervisor's decisions, whatever else an agent does to customers.
     */
    private static final List<Pattern> SUPERVISOR_CHANGES = List.of(
            Pattern.compile("DELETE /api/v1/customers/[^/]+"),
            Pattern.compile("POST /api/v1/customers/[^/]+/(merge|unmerge)"));

    private static final List<Rule> RULES = List.of(
            new Rule("/system/console", true, Role.ADMIN),
            new Rule("/system/console", false, Role.ADMIN),
            new Rule("/api/v1/session", true, Role.VIEWER),
            new Rule("/api/v1/session", false, Role.VIEWER),
            new Rule("/api/v1/events", true, Role.VIEWER),
            // Announcing that one views or types in a conversation stores nothing; every signed-in role may.
            new Rule("/api/v1/presence", false, Role.VIEWER),
            new Rule("/api/v1/tokens", true, Role.ADMIN),
            new Rule("/api/v1/tokens", false, Role.ADMIN),
            new Rule("/api/v1/users", true, Role.SUPERVISOR),
            new Rule("/api/v1/users", false, Role.ADMIN),
            new Rule("/api/v1/plugins", false, Role.ADMIN),
            new Rule("/api/v1/settings", true, Role.ADMIN),
            new Rule("/api/v1/audit", true, Role.ADMIN),
            new Rule("/api/v1/dead-letters", false, Role.SUPERVISOR),
            new Rule("/api/v1/crm", false, Role.SUPERVISOR),
            new Rule("/api/v1/conversations", false, Role.AGENT),
            new Rule("/api/v1/customers", false, Role.AGENT),
            new Rule("/api/v1/attachments", false, Role.AGENT),
            new Rule("/api/v1", true, Role.VIEWER));

    private Permissions() {
    }

    /** The least role that may send {@code method} to {@code path}. */
    static Role required(String method, String path) {
        boolean read = READS.contains(method);
        String request = method + " " + path;
        if (SUPERVISOR_CHANGES.stream().anyMatch(change -> change.matcher(request).matches())) {
            return Role.SUPERVISOR;
        }
        for (Rule rule : RULES) {
            if (rule.matches(path, read)) {
                return rule.role();
            }
        }
        return Role.ADMIN;
    }

    static boolean allows(Role role, String method, String path) {
        return role.includes(required(method, path));
    }
}
