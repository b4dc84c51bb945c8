package org.seamline.crm.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Search request bodies: {@code filterGroups} (AND inside a group, OR across), one sort, a page size. */
final class Searches {

    private Searches() {
    }

    /** Adds a group of one filter {@code property operator value}. */
    static void orGroup(ObjectNode body, String property, String operator, String value) {
        ArrayNode groups = body.has("filterGroups") ? (ArrayNode) body.get("filterGroups") : body.putArray("filterGroups");
        groups.addObject().putArray("filters").addObject().put("propertyName", property).put("operator", operator)
                .put("value", value);
    }
}
