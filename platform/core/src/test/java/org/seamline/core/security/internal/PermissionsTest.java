package org.seamline.core.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seamline.core.users.Role;

class PermissionsTest {

    private static final List<String> CHANGES = List.of("POST", "PATCH", "PUT", "DELETE");

    @Test
    void aViewerReadsButChangesNothing() {
        assertTrue(Permissions.allows(Role.VIEWER, "GET", "/api/v1/conversations"));
        assertTrue(Permissions.allows(Role.VIEWER, "GET", "/api/v1/customers/c-1/timeline"));
        for (String path : List.of("/api/v1/conversations/c-1/messages", "/api/v1/customers/c-1", "/api/v1/attachments",
                "/api/v1/plugins", "/api/v1/dead-letters/replies/r-1/retry", "/api/v1/users", "/api/v1/anything-new")) {
            for (String method : CHANGES) {
                assertFalse(Permissions.allows(Role.VIEWER, method, path), method + " " + path);
            }
        }
        assertTrue(Permissions.allows(Role.VIEWER, "DELETE", "/api/v1/session"), "everyone may sign out");
    }

    @Test
    void everyRoleFollowsTheLiveEventsAndAnnouncesItsPresence() {
        for (Role role : Role.values()) {
            assertTrue(Permissions.allows(role, "GET", "/api/v1/events"), role::id);
            assertTrue(Permissions.allows(role, "POST", "/api/v1/presence"), role::id);
        }
        assertFalse(Permissions.allows(Role.SUPERVISOR, "POST", "/api/v1/events"), "the stream is read, never written");
        assertFalse(Permissions.allows(Role.VIEWER, "POST", "/api/v1/presence-anything"));
    }

    @Test
    void anAgentWorksConversationsAndCustomersButNotPluginsDeadLettersUsersOrTokens() {
        assertTrue(Permissions.allows(Role.AGENT, "POST", "/api/v1/conversations/c-1/messages"));
        assertTrue(Permissions.allows(Role.AGENT, "POST", "/api/v1/conversations/c-1/notes"));
        assertTrue(Permissions.allows(Role.AGENT, "PATCH", "/api/v1/conversations/c-1"));
        assertTrue(Permissions.allows(Role.AGENT, "POST", "/api/v1/customers/c-1/consents"));
        assertTrue(Permissions.allows(Role.AGENT, "POST", "/api/v1/attachments"));
        assertFalse(Permissions.allows(Role.AGENT, "POST", "/api/v1/plugins"));
        assertFalse(Permissions.allows(Role.AGENT, "POST", "/api/v1/dead-letters/messages/m-1/retry"));
        assertFalse(Permissions.allows(Role.AGENT, "GET", "/api/v1/users"));
        assertFalse(Permissions.allows(Role.AGENT, "GET", "/api/v1/tokens"));
        assertFalse(Permissions.allows(Role.AGENT, "GET", "/system/console/bundles"));
    }

    @Test
    void erasingAndMergingCustomersIsForSupervisors() {
        for (String[] change : new String[][] {{"DELETE", "/api/v1/customers/c-1"},
                {"POST", "/api/v1/customers/c-1/merge"}, {"POST", "/api/v1/customers/c-1/unmerge"}}) {
            assertFalse(Permissions.allows(Role.AGENT, change[0], change[1]), String.join(" ", change));
            assertTrue(Permissions.allows(Role.SUPERVISOR, change[0], change[1]), String.join(" ", change));
        }
        assertTrue(Permissions.allows(Role.AGENT, "PATCH", "/api/v1/customers/c-1"), "profiles stay the agent's");
    }

    @Test
    void aSupervisorAddsDeadLettersAndReadingUsers() {
        assertTrue(Permissions.allows(Role.SUPERVISOR, "POST", "/api/v1/dead-letters/messages/m-1/retry"));
        assertTrue(Permissions.allows(Role.SUPERVISOR, "GET", "/api/v1/users/ann"));
        assertFalse(Permissions.allows(Role.SUPERVISOR, "PATCH", "/api/v1/users/ann"));
        assertFalse(Permissions.allows(Role.SUPERVISOR, "POST", "/api/v1/tokens"));
        assertFalse(Permissions.allows(Role.SUPERVISOR, "POST", "/api/v1/plugins"));
        assertFalse(Permissions.allows(Role.SUPERVISOR, "GET", "/api/v1/settings/org.seamline.channel.sms"),
                "instance settings and the audit trail are the admin's");
        assertFalse(Permissions.allows(Role.SUPERVISOR, "GET", "/api/v1/audit"));
        assertTrue(Permissions.allows(Role.VIEWER, "GET", "/api/v1/figures"), "the live figures are for everyone to read");
    }

    @Test
    void anAdminMayDoEverythingAndUnknownChangesAreTheAdminsOnly() {
        for (String method : CHANGES) {
            assertTrue(Permissions.allows(Role.ADMIN, method, "/api/v1/users/ann"));
            assertTrue(Permissions.allows(Role.ADMIN, method, "/system/console/configMgr"));
        }
        assertEquals(Role.ADMIN, Permissions.required("POST", "/api/v1/something-new"));
        assertEquals(Role.ADMIN, Permissions.required("POST", "/api/v1/usersx"), "a prefix is a whole path segment");
    }

    @Test
    void deployingStoppingStartingAndRemovingPluginsIsTheAdminsAlone() {
        for (String[] change : new String[][] {{"POST", "/api/v1/plugins"}, {"POST", "/api/v1/plugins/org.seamline.channel.sms/stop"},
                {"POST", "/api/v1/plugins/org.seamline.channel.sms/start"}, {"DELETE", "/api/v1/plugins/org.seamline.channel.sms"}}) {
            assertEquals(Role.ADMIN, Permissions.required(change[0], change[1]), change[0] + " " + change[1]);
        }
        assertEquals(Role.VIEWER, Permissions.required("GET", "/api/v1/plugins/org.seamline.channel.sms"));
    }
}
