package org.seamline.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmChangePolling;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;

/**
 * Changed contacts by search: {@code lastmodifieddate} from the cursor on, oldest first. The cursor is
 * {@code <epoch ms>} (strictly later) or {@code <epoch ms>:<id>,<id>} (that millisecond too, except the contacts
 * already handed over), so contacts changed in the same millisecond are neither lost nor repeated across pages. Each
 * poll starts a new search from its cursor, so paging never nears HubSpot's 10,000-result cap. Deletions do not show
 * in search: they come by webhook only.
 */
final class ChangeFeed {

    private static final String MODIFIED = "lastmodifieddate";

    private final ApiClient api;

    ChangeFeed(ApiClient api) {
        this.api = api;
    }

    CrmChangePolling.Page changesSince(String cursor, int limit) throws CrmException {
        if (cursor == null) {
            return new CrmChangePolling.Page(List.of(), start());
        }
        Cursor from = Cursor.parse(cursor);
        int wanted = Math.max(1, Math.min(limit, 200));
        List<CrmChange> changes = new ArrayList<>();
        long newest = from.millis();
        Set<String> atNewest = new LinkedHashSet<>(from.seen());
        String after = null;
        do {
            ObjectNode search = api.object().put("limit", Math.min(200, wanted + from.seen().size()));
            search.putArray("filterGroups").addObject().putArray("filters").addObject().put("propertyName", MODIFIED)
                    .put("operator", from.seen().isEmpty() ? "GT" : "GTE").put("value", String.valueOf(from.millis()));
            search.putArray("sorts").addObject().put("propertyName", MODIFIED).put("direction", "ASCENDING");
            search.putArray("properties").add(MODIFIED);
            if (after != null) {
                search.put("after", after);
            }
            JsonNode page = api.post("search changed contacts", api.paths().search("contacts"), search);
            for (JsonNode result : page.path("results")) {
                String id = result.path("id").asText();
                long modified = millis(result.path("properties").path(MODIFIED).asText(""));
                if (modified < 0 || changes.size() >= wanted || modified == from.millis() && from.seen().contains(id)) {
                    continue;
                }
                if (modified > newest) {
                    newest = modified;
                    atNewest.clear();
                }
                atNewest.add(id);
                changes.add(new CrmChange(id, "contact:" + id + ":" + modified, Instant.ofEpochMilli(modified), false));
            }
            after = page.path("paging").path("next").path("after").asText(null);
        } while (changes.size() < wanted && after != null);
        String next = changes.isEmpty() ? cursor : new Cursor(newest, atNewest).toString();
        return new CrmChangePolling.Page(changes, next);
    }

    /** After the newest change HubSpot has now (by HubSpot's clock, not ours); nothing yet: from the beginning. */
    private String start() throws CrmException {
        ObjectNode search = api.object().put("limit", 1);
        search.putArray("sorts").addObject().put("propertyName", MODIFIED).put("direction", "DESCENDING");
        search.putArray("properties").add(MODIFIED);
        JsonNode newest = api.post("search changed contacts", api.paths().search("contacts"), search).path("results").path(0);
        long millis = newest.isMissingNode() ? 0 : millis(newest.path("properties").path(MODIFIED).asText(""));
        return String.valueOf(Math.max(0, millis));
    }

    private static long millis(String text) {
        try {
            return text.matches("\\d{1,19}") ? Long.parseLong(text) : Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            return -1; // not a date: such a result is skipped
        }
    }

    /** Where the feed stands: a millisecond and the contacts of that millisecond already handed over. */
    record Cursor(long millis, Set<String> seen) {

        static Cursor parse(String text) throws CrmException {
            try {
                int colon = text.indexOf(':');
                long millis = Long.parseLong(colon < 0 ? text : text.substring(0, colon));
                Set<String> seen = new LinkedHashSet<>();
                if (colon >= 0) {
                    for (String id : text.substring(colon + 1).split(",")) {
                        if (!id.isBlank()) {
                            seen.add(id.strip());
                        }
                    }
                }
                return new Cursor(millis, seen);
            } catch (NumberFormatException e) {
                throw new CrmException(Kind.VALIDATION, "HubSpot polling: the cursor is not one this connector wrote");
            }
        }

        @Override
        public String toString() {
            return seen.isEmpty() ? String.valueOf(millis) : millis + ":" + String.join(",", seen);
        }
    }
}
