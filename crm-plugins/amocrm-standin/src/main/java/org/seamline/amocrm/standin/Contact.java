package org.seamline.amocrm.standin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/** A stored contact; {@link Account} renders it as the API does. Times in epoch seconds, as amoCRM keeps them. */
final class Contact {

    final long id;
    String name = "";
    String firstName = "";
    String lastName = "";
    long responsibleUserId;
    long createdBy;
    long updatedBy;
    long createdAt;
    long updatedAt;
    /** {@code custom_fields_values} as stored: {field_id, field_name, field_code, field_type, values}. */
    ArrayNode fields;
    List<String> tags = new ArrayList<>();
    List<Long> companies = new ArrayList<>();

    Contact(long id, ArrayNode fields) {
        this.id = id;
        this.fields = fields;
    }
}
