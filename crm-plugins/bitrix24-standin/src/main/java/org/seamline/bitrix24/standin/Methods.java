package org.seamline.bitrix24.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The REST methods the stand-in implements, by name, with the scope each needs. A method answers a JSON result or a
 * list {@link ListQuery.Page}; a refusal is an {@link ApiError}.
 */
final class Methods {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** {@code crm.duplicate.findbycomm} takes at most 20 values per call. */
    static final int MAX_COMMUNICATIONS = 20;
    /** What {@code crm.activity.add} accepts through a webhook: meeting, call, e-mail; others need an app. */
    private static final Set<String> ACTIVITY_TYPES = Set.of("1", "2", "4");

    private record Method(String scope, Function<JsonNode, Object> handler) {
    }

    private final Portal portal;
    private final Map<String, Method> methods;

    Methods(Portal portal) {
        this.portal = portal;
        this.methods = Map.ofEntries(
                Map.entry("crm.duplicate.findbycomm", new Method("crm", this::findByCommunication)),
                Map.entry("crm.contact.get", new Method("crm", p -> portal.contact(id(p)))),
                Map.entry("crm.contact.add", new Method("crm", p -> IntNode.valueOf(portal.addContact(fields(p, true))))),
                Map.entry("crm.contact.update", new Method("crm", this::updateContact)),
                Map.entry("crm.contact.delete", new Method("crm", p -> { portal.deleteContact(id(p)); return BooleanNode.TRUE; })),
                Map.entry("crm.contact.list", new Method("crm", p -> ListQuery.page(portal.contacts(), p, Portal.MULTI_FIELDS))),
                Map.entry("crm.company.get", new Method("crm", p -> portal.company(id(p)))),
                Map.entry("crm.timeline.comment.add", new Method("crm", this::addComment)),
                Map.entry("crm.timeline.comment.list", new Method("crm", this::listComments)),
                Map.entry("crm.activity.add", new Method("crm", this::addActivity)),
                Map.entry("crm.activity.list", new Method("crm", p -> ListQuery.page(portal.activities(), p, Set.of()))),
                Map.entry("user.get", new Method("user", this::users)));
    }

    boolean exists(String method) {
        return methods.containsKey(method);
    }

    String scope(String method) {
        return methods.get(method).scope();
    }

    Object call(String method, JsonNode params) {
        return methods.get(method).handler().apply(params);
    }

    /** Parameter names are lower case in the reference; {@code crm.contact.*} also take the upper-case forms. */
    private static JsonNode param(JsonNode params, String name) {
        JsonNode value = params.get(name);
        return value != null ? value : params.path(name.toUpperCase(Locale.ROOT));
    }

    private static int id(JsonNode params) {
        JsonNode id = param(params, "id");
        int value = id.asInt(0);
        if (value <= 0) {
            throw ApiError.crm("ID is not defined or invalid.");
        }
        return value;
    }

    private static JsonNode fields(JsonNode params, boolean upperCaseToo) {
        JsonNode fields = upperCaseToo ? param(params, "fields") : params.path("fields");
        if (!fields.isObject()) {
            throw ApiError.crm("Parameter 'fields' must be array.");
        }
        return fields;
    }

    private Object findByCommunication(JsonNode params) {
        String type = params.path("type").asText();
        if (!type.equals("EMAIL") && !type.equals("PHONE")) {
            throw ApiError.crm("Communication type '" + type + "' is not supported in current context.");
        }
        List<String> values = new ArrayList<>();
        params.path("values").forEach(value -> values.add(value.asText()));
        if (values.isEmpty() || values.size() > MAX_COMMUNICATIONS) {
            throw ApiError.crm("Values must be an array of 1 to " + MAX_COMMUNICATIONS + " items.");
        }
        String entityType = params.path("entity_type").asText("CONTACT");
        List<Integer> ids = entityType.equals("CONTACT") ? portal.findByCommunication(type, values) : List.of();
        if (ids.isEmpty()) {
            // Nothing found is an empty JSON array, not an empty object: PHP encodes an empty array so.
            return JSON.arrayNode();
        }
        ArrayNode contacts = JSON.arrayNode();
        ids.forEach(contacts::add);
        ObjectNode result = JSON.objectNode();
        result.set("CONTACT", contacts);
        return result;
    }

    private Object updateContact(JsonNode params) {
        portal.updateContact(id(params), fields(params, true));
        return BooleanNode.TRUE;
    }

    /** Since crm 23.100.0 only the lower-case {@code fields} key is read. */
    private Object addComment(JsonNode params) {
        JsonNode fields = fields(params, false);
        String entityType = fields.path("ENTITY_TYPE").asText();
        int entityId = fields.path("ENTITY_ID").asInt(0);
        String comment = fields.path("COMMENT").asText("");
        if (!entityType.equalsIgnoreCase("contact") || entityId <= 0) {
            throw new ApiError(400, "INVALID_ARG_VALUE", "Invalid value of ENTITY_TYPE or ENTITY_ID");
        }
        if (comment.isBlank()) {
            throw new ApiError(400, "INVALID_ARG_VALUE", "Empty comment message.");
        }
        return IntNode.valueOf(portal.addComment(entityId, comment));
    }

    private Object listComments(JsonNode params) {
        JsonNode filter = params.path("filter");
        if (!filter.hasNonNull("ENTITY_ID") || !filter.hasNonNull("ENTITY_TYPE")) {
            throw new ApiError(400, "INVALID_ARG_VALUE", "ENTITY_ID and ENTITY_TYPE are required in the filter.");
        }
        List<ObjectNode> rows = filter.get("ENTITY_TYPE").asText().equals("contact")
                ? portal.comments(filter.get("ENTITY_ID").asInt()) : List.of();
        return ListQuery.page(rows, params, Set.of());
    }

    private Object addActivity(JsonNode params) {
        JsonNode fields = fields(params, true);
        if (!ACTIVITY_TYPES.contains(fields.path("TYPE_ID").asText())) {
            throw ApiError.invalidField("TYPE_ID");
        }
        if (fields.path("OWNER_TYPE_ID").asInt() != 3 || !portal.hasContact(fields.path("OWNER_ID").asInt())) {
            throw ApiError.invalidField("OWNER_ID");
        }
        if (!fields.path("COMMUNICATIONS").isArray() || fields.path("COMMUNICATIONS").isEmpty()) {
            throw ApiError.invalidField("COMMUNICATIONS");
        }
        return IntNode.valueOf(portal.addActivity((ObjectNode) fields));
    }

    private Object users(JsonNode params) {
        JsonNode filter = params.path("filter").isObject() ? params.path("filter")
                : params.path("FILTER").isObject() ? params.path("FILTER") : params;
        ArrayNode found = JSON.arrayNode();
        for (ObjectNode user : portal.users()) {
            JsonNode id = filter.get("ID");
            if (id == null || id.asText().equals(user.get("ID").asText())) {
                found.add(user);
            }
        }
        return new ListQuery.Page(found, null, found.size());
    }
}
