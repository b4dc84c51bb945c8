package org.seamline.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.seamline.api.crm.CrmException;

/**
 * Owner ids ({@code hubspot_owner_id}) as names, from {@code GET /crm/v3/owners/{id}}, cached for ten minutes: a
 * few owners serve every contact, and an owner's rename may show that much later.
 */
final class Owners {

    static final Duration TTL = Duration.ofMinutes(10);

    private record Entry(String name, Instant until) {
    }

    private final ApiClient api;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    Owners(ApiClient api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** The owner's "first last" name, else e-mail, else the id itself (an owner since removed answers 404). */
    String name(String ownerId) throws CrmException {
        if (ownerId == null || ownerId.isBlank()) {
            return null;
        }
        Entry cached = cache.get(ownerId);
        Instant now = clock.instant();
        if (cached != null && cached.until().isAfter(now)) {
            return cached.name();
        }
        Optional<JsonNode> owner = ownerId.matches("\\d{1,19}")
                ? api.find("read owner", api.paths().owner(ownerId)) : Optional.empty();
        String name = owner.map(Owners::display).orElse(ownerId);
        cache.put(ownerId, new Entry(name, now.plus(TTL)));
        return name;
    }

    private static String display(JsonNode owner) {
        String name = Stream.of("firstName", "lastName").map(f -> owner.path(f).asText("").strip())
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
        if (!name.isEmpty()) {
            return name;
        }
        String email = owner.path("email").asText("").strip();
        return email.isEmpty() ? owner.path("id").asText() : email;
    }
}
