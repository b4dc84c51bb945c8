package org.seamline.hubspot.standin;

/** A HubSpot user who can own records ({@code GET /crm/v3/owners/{id}}). */
public record Owner(String id, String email, String firstName, String lastName, long userId) {
}
