package org.seamline.bitrix24.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The list-method parameters every {@code *.list} shares: {@code filter} with the operator prefixes {@code = ! > >=
 * < <= @} (multi-fields match a value exactly, as stored), {@code order}, {@code select} and 50-row pages by
 * {@code start}; {@code start: -1} skips the count and {@code next}, for keyset paging.
 */
final class ListQuery {

    static final int PAGE = 50;
    private static final Pattern CONDITION = Pattern.compile("(=|!|>=|<=|>|<|@)?(.+)");

    /** One page of a list method's answer. */
    record Page(ArrayNode result, Integer next, Integer total) {
    }

    private ListQuery() {
    }

    static Page page(List<ObjectNode> rows, JsonNode params, Set<String> multiFields) {
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode row : rows) {
            if (matches(row, params.path("filter"), multiFields)) {
                matching.add(row);
            }
        }
        matching.sort(order(params.path("order")));
        int start = params.path("start").asInt(0);
        boolean counted = start >= 0;
        int from = Math.max(start, 0);
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (int i = from; i < Math.min(matching.size(), from + PAGE); i++) {
            result.add(select(matching.get(i), params.path("select")));
        }
        Integer next = counted && from + PAGE < matching.size() ? from + PAGE : null;
        return new Page(result, next, counted ? matching.size() : null);
    }

    private static boolean matches(ObjectNode row, JsonNode filter, Set<String> multiFields) {
        for (Iterator<Map.Entry<String, JsonNode>> conditions = filter.fields(); conditions.hasNext(); ) {
            Map.Entry<String, JsonNode> condition = conditions.next();
            Matcher parts = CONDITION.matcher(condition.getKey());
            if (!parts.matches()) {
                return false;
            }
            String operator = parts.group(1) == null ? "=" : parts.group(1);
            String field = parts.group(2);
            JsonNode actual = row.get(field);
            boolean ok = multiFields.contains(field)
                    ? anyValue(actual, condition.getValue(), operator)
                    : test(actual == null || actual.isNull() ? null : actual.asText(), condition.getValue(), operator);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyValue(JsonNode items, JsonNode wanted, String operator) {
        boolean any = false;
        if (items != null) {
            for (JsonNode item : items) {
                any |= item.path("VALUE").asText().equals(wanted.asText());
            }
        }
        return operator.equals("!") != any;
    }

    private static boolean test(String actual, JsonNode wanted, String operator) {
        if (operator.equals("@")) {
            for (JsonNode one : wanted) {
                if (compare(actual, one.asText()) == 0) {
                    return true;
                }
            }
            return false;
        }
        int c = compare(actual, wanted.asText());
        return switch (operator) {
            case "!" -> c != 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            default -> c == 0;
        };
    }

    /** Numbers as numbers, dates as instants, other text as text; a missing value sorts first. */
    static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException notNumbers) {
            try {
                return Dates.parse(a).compareTo(Dates.parse(b));
            } catch (RuntimeException notDates) {
                return a.compareTo(b);
            }
        }
    }

    private static Comparator<ObjectNode> order(JsonNode order) {
        Comparator<ObjectNode> comparator = null;
        for (Iterator<Map.Entry<String, JsonNode>> keys = order.fields(); keys.hasNext(); ) {
            Map.Entry<String, JsonNode> key = keys.next();
            String field = key.getKey();
            Comparator<ObjectNode> one = (x, y) -> compare(text(x, field), text(y, field));
            if (key.getValue().asText().equalsIgnoreCase("DESC")) {
                one = one.reversed();
            }
            comparator = comparator == null ? one : comparator.thenComparing(one);
        }
        Comparator<ObjectNode> byId = (x, y) -> compare(text(x, "ID"), text(y, "ID"));
        return comparator == null ? byId : comparator.thenComparing(byId);
    }

    private static String text(ObjectNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The selected fields; none or {@code *} gives the row's plain fields, multi-fields only when named. */
    private static ObjectNode select(ObjectNode row, JsonNode select) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        boolean all = !select.isArray() || select.isEmpty();
        for (JsonNode name : select) {
            all |= name.asText().equals("*");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            boolean named = false;
            for (JsonNode name : select) {
                named |= name.asText().equals(field.getKey())
                        || name.asText().equals("UF_*") && field.getKey().startsWith("UF_");
            }
            boolean plain = !field.getValue().isArray() && !field.getKey().startsWith("UF_");
            if (named || all && plain) {
                out.set(field.getKey(), field.getValue());
            }
        }
        return out;
    }
}
