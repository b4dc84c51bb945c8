package org.seamline.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.seamline.api.crm.CrmContact;
import org.seamline.api.crm.CrmException;

/**
 * A contact record as Seamline's profile: the owner's name, {@code lifecyclestage}, the configured segment and tags
 * properties (tags: HubSpot's multiple checkboxes, semicolon-separated), and the company: the {@code company} text
 * property, else the name of the associated company (the primary one first).
 */
final class ContactMapping {

    private static final List<String> STANDARD = List.of("email", "hs_additional_emails", "firstname", "lastname",
            "phone", "mobilephone", "hs_whatsapp_phone_number", "hubspot_owner_id", "lifecyclestage", "company",
            "lastmodifieddate");

    private final ApiClient api;
    private final Phones phones;
    private final Owners owners;
    private final String segmentProperty;
    private final String tagsProperty;

    ContactMapping(ApiClient api, Phones phones, Owners owners, String segmentProperty, String tagsProperty) {
        this.api = api;
        this.phones = phones;
        this.owners = owners;
        this.segmentProperty = segmentProperty;
        this.tagsProperty = tagsProperty;
    }

    /** The properties a profile reads, comma-separated for {@code ?properties=}. */
    String properties() {
        List<String> all = new ArrayList<>(STANDARD);
        Stream.of(segmentProperty, tagsProperty).filter(p -> p != null).forEach(all::add);
        return String.join(",", all);
    }

    /** @param record a contact read with {@code associations=companies} */
    CrmContact contact(JsonNode record) throws CrmException {
        JsonNode p = record.path("properties");
        Set<String> emails = new LinkedHashSet<>();
        text(p, "email").ifPresent(emails::add);
        emails.addAll(items(p.path("hs_additional_emails").asText("")));
        Set<String> numbers = new LinkedHashSet<>();
        for (String property : List.of("phone", "mobilephone", "hs_whatsapp_phone_number")) {
            text(p, property).map(phones::display).ifPresent(numbers::add);
        }
        String name = Stream.of("firstname", "lastname").map(f -> text(p, f).orElse(""))
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
        return new CrmContact(record.path("id").asText(), name.isEmpty() ? null : name, List.copyOf(emails),
                List.copyOf(numbers), owners.name(text(p, "hubspot_owner_id").orElse(null)),
                text(p, "lifecyclestage").orElse(null),
                segmentProperty == null ? null : text(p, segmentProperty).orElse(null),
                tagsProperty == null ? List.of() : items(p.path(tagsProperty).asText("")), company(record),
                modified(text(p, "lastmodifieddate").orElse(record.path("updatedAt").asText(""))));
    }

    private String company(JsonNode record) throws CrmException {
        Optional<String> typed = text(record.path("properties"), "company");
        if (typed.isPresent()) {
            return typed.get();
        }
        JsonNode links = record.path("associations").path("companies").path("results");
        String chosen = null;
        for (JsonNode link : links) {
            if (chosen == null || !link.path("type").asText("").endsWith("_unlabeled")) {
                chosen = link.path("id").asText(null);
            }
        }
        if (chosen == null || !chosen.matches("\\d{1,19}")) {
            return null;
        }
        return api.find("read company", api.paths().object("companies", chosen, "properties=name"))
                .flatMap(company -> text(company.path("properties"), "name")).orElse(null);
    }

    static List<String> items(String value) {
        return Stream.of(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static Optional<String> text(JsonNode properties, String name) {
        JsonNode value = properties.path(name);
        String text = value.isNull() || value.isMissingNode() ? "" : value.asText("").strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static Instant modified(String text) {
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
