package org.seamline.core.users;

/**
 * Who made a request and with which role, as the platform's guard established it. {@code csrfToken} is set only for
 * a browser session: its changes must carry it.
 */
public record Principal(String username, Role role, Via via, String csrfToken) {

    /** The request attribute holding the {@link Principal} of an authenticated request. */
    public static final String ATTRIBUTE = "org.seamline.principal";

    public enum Via { BASIC, TOKEN, SESSION }
}
