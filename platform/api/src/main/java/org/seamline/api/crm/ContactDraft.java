package org.seamline.api.crm;

import java.util.List;

/**
 * What Seamline knows of a customer, to create a CRM contact ({@code contactId} null) or update one. Empty lists and
 * a null name leave the CRM's values as they are.
 */
public record ContactDraft(String contactId, String name, List<String> emails, List<String> phones) {

    public ContactDraft {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
    }
}
