package org.seamline.crm.sync.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.seamline.api.crm.CrmContact;
import org.seamline.api.customer.CustomerView;

/**
 * The profile attributes a CRM contact gives a customer: {@code crm.owner}, {@code crm.lifecycleStage},
 * {@code crm.segment}, {@code crm.tags} (comma-separated) and {@code crm.company}, each with the connector as source.
 */
final class ContactProfile {

    static final String[] NAMES = {"crm.owner", "crm.lifecycleStage", "crm.segment", "crm.tags", "crm.company"};

    private ContactProfile() {
    }

    static Map<String, String> of(CrmContact contact) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("crm.owner", contact.owner());
        values.put("crm.lifecycleStage", contact.lifecycleStage());
        values.put("crm.segment", contact.segment());
        values.put("crm.tags", contact.tags().isEmpty() ? null : String.join(", ", contact.tags()));
        values.put("crm.company", contact.company());
        return values;
    }

    /**
     * Only what differs from the customer's attributes: an update that changes nothing would announce a change,
     * which plans a lookup, which would update again.
     */
    static Map<String, String> changes(CustomerView customer, Map<String, String> wanted, String source) {
        Map<String, String> changes = new LinkedHashMap<>();
        wanted.forEach((name, value) -> {
            CustomerView.Attribute current = customer.attributes().get(name);
            boolean blank = value == null || value.isBlank();
            if (blank && current != null && source.equals(current.source())) {
                changes.put(name, null);
            } else if (!blank && (current == null || !value.equals(current.value()) || !source.equals(current.source()))) {
                changes.put(name, value);
            }
        });
        return changes;
    }
}
