package org.seamline.core.users;

/** A token just created: {@code token} is shown this once and never stored. */
public record IssuedToken(ApiToken details, String token) {
}
