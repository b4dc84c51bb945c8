package org.seamline.hubspot.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records, owners and search pages in HubSpot's JSON shapes. */
final class Json {

    private Json() {
    }

    static ObjectNode object(Account account, StoredObject record, Collection<String> properties,
                             List<String> associationTypes) {
        ObjectNode node = Webhooks.MAPPER.createObjectNode().put("id", record.id());
        ObjectNode values = node.putObject("properties");
        for (String property : properties) {
            if (account.hasProperty(record.type(), property)) {
                values.put(property, record.property(property));
            }
        }
        node.put("createdAt", record.createdAt().toString()).put("updatedAt", record.updatedAt().toString())
                .put("archived", record.archived());
        if (!associationTypes.isEmpty()) {
            ObjectNode links = node.putObject("associations");
            for (String toType : associationTypes) {
                List<Association> found = account.associationsOf(record.type(), record.id(), toType);
                if (found.isEmpty()) {
                    continue; // HubSpot leaves out a type without associations
                }
                ArrayNode results = links.putObject(toType).putArray("results");
                found.forEach(a -> results.addObject().put("id", a.toId()).put("type", label(a)));
            }
        }
        return node;
    }

    static ObjectNode page(Account account, Search.Page page, Collection<String> properties) {
        ObjectNode node = Webhooks.MAPPER.createObjectNode().put("total", page.total());
        ArrayNode results = node.putArray("results");
        page.results().forEach(r -> results.add(object(account, r, properties, List.of())));
        if (page.after() != null) {
            node.putObject("paging").putObject("next").put("after", page.after());
        }
        return node;
    }

    static ObjectNode owner(Owner owner, java.time.Instant at) {
        ObjectNode node = Webhooks.MAPPER.createObjectNode().put("id", owner.id()).put("email", owner.email())
                .put("type", "PERSON").put("firstName", owner.firstName()).put("lastName", owner.lastName())
                .put("userId", owner.userId()).put("createdAt", at.toString()).put("updatedAt", at.toString())
                .put("archived", false);
        node.putArray("teams");
        return node;
    }

    static ObjectNode associationsV4(List<Association> found) {
        ObjectNode node = Webhooks.MAPPER.createObjectNode();
        ArrayNode results = node.putArray("results");
        for (Association a : found) {
            ObjectNode item = results.addObject().put("toObjectId", Long.parseLong(a.toId()));
            item.putArray("associationTypes").addObject().put("category", "HUBSPOT_DEFINED")
                    .put("typeId", a.typeId()).putNull("label");
        }
        return node;
    }

    /** Property values as HubSpot takes them: strings, numbers or booleans, all kept as text. */
    static Map<String, String> properties(JsonNode node) {
        if (!node.isObject()) {
            throw ApiError.validation("properties must be an object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return values;
    }

    private static String label(Association a) {
        String name = ObjectTypes.singular(a.fromType()) + "_to_" + ObjectTypes.singular(a.toType());
        return a.fromType().equals(ObjectTypes.CONTACTS) && a.toType().equals(ObjectTypes.COMPANIES)
                && a.typeId() != ObjectTypes.CONTACT_TO_COMPANY_PRIMARY ? name + "_unlabeled" : name;
    }
}
