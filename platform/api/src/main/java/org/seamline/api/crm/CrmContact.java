package org.seamline.api.crm;

import java.time.Instant;
import java.util.List;

/**
 * A contact as a CRM has it, mapped to the fields Seamline uses for routing and personalisation. Fields the CRM
 * does not have are null (lists empty). Emails as the CRM stores them; phones in E.164 where the connector could
 * normalise them, else as stored.
 */
public record CrmContact(String id, String name, List<String> emails, List<String> phones, String owner,
                         String lifecycleStage, String segment, List<String> tags, String company, Instant updatedAt) {

    public CrmContact {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("contact id is required");
        }
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
