package org.seamline.crm.hubspot;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmWebhooks;
import org.seamline.crm.contract.CrmFixture;
import org.seamline.hubspot.standin.Fault;
import org.seamline.hubspot.standin.HubSpotStandIn;
import org.seamline.hubspot.standin.Owner;
import org.seamline.hubspot.standin.StoredObject;

/**
 * The HubSpot side of the CRM contract: a connector on a fresh stand-in account where an admin created the custom
 * properties the README asks for: {@value #TAGS} (multiple checkboxes), {@value #SEGMENT}, and the unique
 * {@value #INTERACTION_ID} on every engagement type. Owners are HubSpot users named as the test names them.
 */
public final class HubSpotFixture implements CrmFixture {

    static final String TAGS = "seamline_tags";
    static final String SEGMENT = "seamline_segment";
    static final String INTERACTION_ID = "seamline_interaction_id";
    static final String WEBHOOK_URL = "https://seamline.example/hooks/crm/hubspot/contract";
    static final List<String> ENGAGEMENTS = List.of("notes", "calls", "emails", "communications");

    private final HubSpotStandIn standIn = HubSpotStandIn.start();
    private final TestConfiguration configuration;
    private final HubSpotConnector connector;

    public HubSpotFixture() {
        this(Clock.systemUTC(), "v3");
    }

    HubSpotFixture(Clock clock, String apiVersion) {
        standIn.account().defineProperty("contacts", TAGS, false);
        standIn.account().defineProperty("contacts", SEGMENT, false);
        ENGAGEMENTS.forEach(type -> standIn.account().defineProperty(type, INTERACTION_ID, true));
        // The connector may make many calls per test; the platform, not the test, would pace them.
        standIn.limits().configure(100_000, 1_000_000, 10_000);
        configuration = new TestConfiguration(standIn.baseUrl(), standIn.token());
        configuration.apiVersion = apiVersion;
        configuration.webhookClientSecret = standIn.webhooks().clientSecret();
        configuration.tagsProperty = TAGS;
        configuration.segmentProperty = SEGMENT;
        connector = new HubSpotConnector("contract", configuration.settings(), clock);
    }

    HubSpotStandIn standIn() {
        return standIn;
    }

    TestConfiguration configuration() {
        return configuration;
    }

    @Override
    public CrmConnector connector() {
        return connector;
    }

    /** Behind the API's checks, as an import would: the e-mail may be a duplicate; phones as typed. */
    @Override
    public String createContact(String name, List<String> emails, List<String> phones, String owner, List<String> tags) {
        Map<String, String> properties = new HashMap<>();
        String[] parts = name.split(" ", 2);
        properties.put("firstname", parts[0]);
        properties.put("lastname", parts.length > 1 ? parts[1] : "");
        if (!emails.isEmpty()) {
            properties.put("email", emails.get(0));
            properties.put("hs_additional_emails", String.join(";", emails.subList(1, emails.size())));
        }
        if (!phones.isEmpty()) {
            properties.put("phone", phones.get(0));
        }
        if (phones.size() > 1) {
            properties.put("mobilephone", phones.get(1));
        }
        ownerAndTags(properties, owner, tags);
        return standIn.account().create("contacts", properties);
    }

    @Override
    public void changeContact(String contactId, String owner, List<String> tags) {
        Map<String, String> properties = new HashMap<>();
        ownerAndTags(properties, owner, tags);
        standIn.account().update("contacts", contactId, properties);
    }

    @Override
    public boolean setSegment(String contactId, String segment) {
        standIn.account().update("contacts", contactId, Map.of(SEGMENT, segment));
        return true;
    }

    /** A company record associated as the contact's primary company; the {@code company} text property stays empty. */
    @Override
    public boolean setCompany(String contactId, String company) {
        String companyId = standIn.account().create("companies", Map.of("name", company));
        standIn.account().associate("contacts", contactId, "companies", companyId, 1);
        return true;
    }

    @Override
    public List<String> loggedInteractions(String contactId) {
        List<String> ids = new ArrayList<>();
        for (String type : ENGAGEMENTS) {
            for (StoredObject engagement : standIn.account().associated("contacts", contactId, type)) {
                ids.add(engagement.property(INTERACTION_ID));
            }
        }
        return ids;
    }

    @Override
    public boolean rateLimitNext(int calls) {
        standIn.faults().next(calls, Fault.rateLimit("TEN_SECONDLY_ROLLING"));
        return true;
    }

    @Override
    public boolean failNext(int calls) {
        standIn.faults().next(calls, Fault.serviceUnavailable());
        return true;
    }

    /** Private-app tokens do not expire: nothing to refresh. */
    @Override
    public Optional<Tokens> tokens() {
        return Optional.empty();
    }

    @Override
    public Optional<CrmFixture.Webhooks> webhooks() {
        org.seamline.hubspot.standin.Webhooks hooks = standIn.webhooks();
        return Optional.of(new CrmFixture.Webhooks() {
            @Override
            public CrmWebhooks.Request changeOf(String contactId) {
                return request(hooks.contactEvent(WEBHOOK_URL, "contact.propertyChange", contactId));
            }

            @Override
            public CrmWebhooks.Request forged(String contactId) {
                String body = hooks.body("contact.propertyChange", contactId, "hubspot_owner_id", "1", 9_001);
                return request(hooks.signed(WEBHOOK_URL, body, standIn.clock().now().toEpochMilli(),
                        "not-the-client-secret"));
            }

            /** Correctly signed, six minutes ago: outside the five-minute window. */
            @Override
            public Optional<CrmWebhooks.Request> replayed(String contactId) {
                String body = hooks.body("contact.propertyChange", contactId, "hubspot_owner_id", "1", 9_002);
                long sixMinutesAgo = standIn.clock().now().minus(Duration.ofMinutes(6)).toEpochMilli();
                return Optional.of(request(hooks.signed(WEBHOOK_URL, body, sixMinutesAgo, hooks.clientSecret())));
            }
        });
    }

    /** What the platform's webhook servlet hands over for a delivery: lower-case header names, the public URL. */
    static CrmWebhooks.Request request(org.seamline.hubspot.standin.Webhooks.Delivery delivery) {
        Map<String, List<String>> headers = new HashMap<>();
        delivery.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.of(v)));
        String path = delivery.url().startsWith(WEBHOOK_URL) ? delivery.url().substring(WEBHOOK_URL.length()) : "";
        return new CrmWebhooks.Request(delivery.method(), delivery.url(), path, headers,
                delivery.headers().get("Content-Type"), delivery.bodyText().getBytes(StandardCharsets.UTF_8));
    }

    private void ownerAndTags(Map<String, String> properties, String owner, List<String> tags) {
        if (owner != null) {
            String[] parts = owner.strip().split(" ", 2);
            Owner found = standIn.account().owner(parts[0], parts.length > 1 ? parts[1] : null);
            properties.put("hubspot_owner_id", found.id());
        }
        if (tags != null) {
            properties.put(TAGS, String.join(";", tags));
        }
    }

    @Override
    public void close() {
        standIn.close();
    }
}
