package org.seamline.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmChangePolling;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;

/**
 * Changes by polling: contacts ordered by {@code updated_at} from the cursor's second on
 * ({@code filter[updated_at][from]}, inclusive), read keyset-style. The cursor {@code <updated_at>:<id>} is the
 * last contact handed over; contacts of the same second are told apart by id (the API orders them by id, as the
 * stand-in assumes). amoCRM keeps whole seconds, so a contact changed twice within one second, with a poll in
 * between, shows once: the webhook covers that. Deleted contacts leave the list: deletions come by webhook only.
 */
final class ChangeFeed {

    private static final int PAGE = 250;
    private static final int SLACK = 20;
    private static final int MAX_PAGES = 20;

    private final ApiClient api;

    ChangeFeed(ApiClient api) {
        this.api = api;
    }

    /** Position of a contact in the feed. */
    record Position(long updatedAt, long id) {
        static Position parse(String cursor) throws CrmException {
            String[] parts = cursor.split(":");
            try {
                if (parts.length == 2) {
                    return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new CrmException(Kind.VALIDATION, "amoCRM change feed: the cursor is not <updated_at>:<id>");
        }

        boolean before(long otherUpdatedAt, long otherId) {
            return updatedAt < otherUpdatedAt || updatedAt == otherUpdatedAt && id < otherId;
        }

        @Override
        public String toString() {
            return updatedAt + ":" + id;
        }
    }

    CrmChangePolling.Page since(String cursor, int limit) throws CrmException {
        if (cursor == null) {
            return new CrmChangePolling.Page(List.of(), newest().toString());
        }
        Position from = Position.parse(cursor);
        int wanted = Math.max(1, limit);
        // a little more than asked: contacts of the cursor's own second that were handed over already are skipped
        int pageSize = Math.min(PAGE, wanted + SLACK);
        List<CrmChange> changes = new ArrayList<>();
        Position last = from;
        for (int page = 1; page <= MAX_PAGES && changes.size() < wanted; page++) {
            Optional<JsonNode> answer = api.get("/api/v4/contacts?filter[updated_at][from]=" + from.updatedAt()
                    + "&order[updated_at]=asc&limit=" + pageSize + "&page=" + page, "poll contacts");
            if (answer.isEmpty()) {
                break;
            }
            for (JsonNode contact : answer.get().path("_embedded").path("contacts")) {
                long updated = contact.path("updated_at").asLong();
                long id = contact.path("id").asLong();
                if (!from.before(updated, id)) {
                    continue;
                }
                changes.add(new CrmChange(String.valueOf(id), "contact:" + id + ":" + updated,
                        Instant.ofEpochSecond(updated), false));
                last = new Position(updated, id);
                if (changes.size() == wanted) {
                    break;
                }
            }
            if (answer.get().path("_links").path("next").isMissingNode()) {
                break;
            }
        }
        return new CrmChangePolling.Page(changes, last.toString());
    }

    /** The most recently changed contact: "now" in the CRM's own clock, whatever ours says. */
    private Position newest() throws CrmException {
        Optional<JsonNode> answer = api.get("/api/v4/contacts?order[updated_at]=desc&limit=1", "poll contacts");
        JsonNode contact = answer.map(a -> a.path("_embedded").path("contacts").path(0)).orElse(null);
        if (contact == null || contact.isMissingNode()) {
            return new Position(0, 0);
        }
        return new Position(contact.path("updated_at").asLong(), contact.path("id").asLong());
    }
}
