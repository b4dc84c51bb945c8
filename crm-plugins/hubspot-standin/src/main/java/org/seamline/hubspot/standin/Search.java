package org.seamline.hubspot.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST …/{type}/search}: filters AND-ed inside a group, groups OR-ed; one sort; pages of at most 200 with an
 * offset {@code after}; nothing beyond the 10,000th result (400). String comparisons ignore case; values that read
 * as numbers or instants (dates come as ISO text or epoch milliseconds) compare as such.
 */
final class Search {

    static final int MAX_LIMIT = 200;
    static final int MAX_RESULTS = 10_000;
    static final int MAX_GROUPS = 5;
    static final int MAX_FILTERS_PER_GROUP = 10;
    static final int MAX_FILTERS = 25;
    private static final Set<String> OPERATORS = Set.of("EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN",
            "NOT_IN", "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN");

    /** One page: the matching records in order, how many matched, and the next offset or null. */
    record Page(List<StoredObject> results, int total, String after) {
    }

    private Search() {
    }

    static Page run(Account account, String type, JsonNode body) {
        JsonNode groups = body.path("filterGroups");
        checkLimits(account, type, groups);
        int limit = body.path("limit").asInt(10);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiError.validation("limit must be between 1 and " + MAX_LIMIT);
        }
        int after = offset(body.path("after"));
        if (after + limit > MAX_RESULTS) {
            throw ApiError.validation("Search results are limited to " + MAX_RESULTS
                    + " records; narrow the filters to page further");
        }
        List<StoredObject> matching = new ArrayList<>();
        for (StoredObject record : account.indexed(type)) {
            if (groups.isEmpty() || anyGroup(groups, record)) {
                matching.add(record);
            }
        }
        matching.sort(order(body.path("sorts"), type));
        int to = Math.min(matching.size(), after + limit);
        List<StoredObject> page = after >= matching.size() ? List.of() : matching.subList(after, to);
        return new Page(page, matching.size(), to < matching.size() ? String.valueOf(to) : null);
    }

    private static void checkLimits(Account account, String type, JsonNode groups) {
        if (groups.size() > MAX_GROUPS) {
            throw ApiError.validation("Too many filter groups: at most " + MAX_GROUPS);
        }
        int total = 0;
        for (JsonNode group : groups) {
            JsonNode filters = group.path("filters");
            total += filters.size();
            if (filters.size() > MAX_FILTERS_PER_GROUP || total > MAX_FILTERS) {
                throw ApiError.validation("Too many filters: at most " + MAX_FILTERS_PER_GROUP + " per group and "
                        + MAX_FILTERS + " in total");
            }
            for (JsonNode filter : filters) {
                String property = filter.path("propertyName").asText("");
                if (!account.hasProperty(type, property)) {
                    throw ApiError.validation("There was a problem with the request: property " + property
                            + " does not exist");
                }
                if (!OPERATORS.contains(filter.path("operator").asText(""))) {
                    throw ApiError.validation("Unknown operator " + filter.path("operator").asText(""));
                }
            }
        }
    }

    private static int offset(JsonNode after) {
        if (after.isMissingNode() || after.isNull() || after.asText("").isEmpty()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(after.asText());
            if (offset < 0) {
                throw ApiError.validation("after must not be negative");
            }
            return offset;
        } catch (NumberFormatException e) {
            throw ApiError.validation("after is not a paging token");
        }
    }

    private static boolean anyGroup(JsonNode groups, StoredObject record) {
        for (JsonNode group : groups) {
            boolean all = true;
            for (JsonNode filter : group.path("filters")) {
                all &= matches(filter, record);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode filter, StoredObject record) {
        String property = filter.path("propertyName").asText();
        String stored = record.property(property);
        List<String> items = ObjectTypes.MULTI_VALUED.contains(property) ? Account.items(stored)
                : stored == null ? List.of() : List.of(stored);
        String value = filter.path("value").asText(null);
        return switch (filter.path("operator").asText()) {
            case "HAS_PROPERTY" -> !items.isEmpty();
            case "NOT_HAS_PROPERTY" -> items.isEmpty();
            case "EQ" -> items.stream().anyMatch(item -> compare(item, value) == 0);
            case "NEQ" -> items.stream().noneMatch(item -> compare(item, value) == 0);
            case "IN" -> items.stream().anyMatch(item -> values(filter).stream().anyMatch(v -> compare(item, v) == 0));
            case "NOT_IN" -> items.stream().noneMatch(item -> values(filter).stream().anyMatch(v -> compare(item, v) == 0));
            case "GT" -> stored != null && compare(stored, value) > 0;
            case "GTE" -> stored != null && compare(stored, value) >= 0;
            case "LT" -> stored != null && compare(stored, value) < 0;
            case "LTE" -> stored != null && compare(stored, value) <= 0;
            case "BETWEEN" -> stored != null && compare(stored, value) >= 0
                    && compare(stored, filter.path("highValue").asText(null)) <= 0;
            case "CONTAINS_TOKEN" -> stored != null && tokens(stored).contains(lower(value));
            case "NOT_CONTAINS_TOKEN" -> stored == null || !tokens(stored).contains(lower(value));
            default -> false;
        };
    }

    private static List<String> values(JsonNode filter) {
        List<String> values = new ArrayList<>();
        filter.path("values").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> tokens(String stored) {
        return List.of(lower(stored).split("[\\s;,]+"));
    }

    /** Numbers and instants by value (an ISO date against epoch milliseconds too), other text ignoring case. */
    static int compare(String stored, String value) {
        if (value == null) {
            return 1;
        }
        Long a = number(stored);
        Long b = number(value);
        if (a != null && b != null) {
            return Long.compare(a, b);
        }
        return lower(stored).compareTo(lower(value));
    }

    private static Long number(String text) {
        if (text.matches("-?\\d{1,19}")) {
            return Long.parseLong(text);
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Comparator<StoredObject> order(JsonNode sorts, String type) {
        Comparator<StoredObject> byId = Comparator.comparing(o -> Long.parseLong(o.id()));
        if (sorts.isEmpty()) {
            return byId;
        }
        JsonNode sort = sorts.get(0);
        String property = sort.isTextual() ? sort.asText() : sort.path("propertyName").asText();
        boolean descending = !sort.isTextual() && "DESCENDING".equals(sort.path("direction").asText());
        Comparator<StoredObject> byProperty = (x, y) -> {
            String a = x.property(property);
            String b = y.property(property);
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : 1) : -1;
            }
            return compare(a, b);
        };
        return (descending ? byProperty.reversed() : byProperty).thenComparing(byId);
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
