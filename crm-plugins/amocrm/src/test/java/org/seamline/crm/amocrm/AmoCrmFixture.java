package org.seamline.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seamline.amocrm.standin.AmoCrmStandIn;
import org.seamline.amocrm.standin.Fault;
import org.seamline.api.crm.ActivityText;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmWebhooks;
import org.seamline.crm.contract.CrmFixture;

/**
 * The amoCRM side of the CRM contract: a connector authorised by a one-time code on a fresh stand-in account, its
 * tokens in an in-memory vault. Owners are account users named as the test names them; the segment is a text
 * custom field.
 */
public final class AmoCrmFixture implements CrmFixture {

    static final String WEBHOOK_SECRET = "s3cr3t-path-0123456789abcdef";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AmoCrmStandIn standIn = AmoCrmStandIn.start();
    private final TestConfiguration configuration;
    private final TokenVault vault;
    private final AmoCrmConnector connector;
    private final long segmentField;

    public AmoCrmFixture() {
        this(new InMemoryTokenVault());
    }

    AmoCrmFixture(TokenVault vault) {
        this.vault = vault;
        segmentField = standIn.account().addCustomField("Segment", "text");
        configuration = configuration(standIn);
        configuration.authorizationCode = standIn.oauth().authorizationCode();
        configuration.segmentField = String.valueOf(segmentField);
        // The connector may make many calls per test; the platform, not the test, would pace them.
        standIn.rateLimit().perSecond(10_000);
        connector = new AmoCrmConnector("contract", configuration.settings(), vault, Clock.systemUTC());
        try {
            connector.authorise(); // as the plugin does on activation: the code is exchanged at once
        } catch (CrmException e) {
            throw new IllegalStateException("the stand-in refused the authorization code: " + e.getMessage(), e);
        }
    }

    /** A configuration for the stand-in's integration, without a credential yet. */
    static TestConfiguration configuration(AmoCrmStandIn standIn) {
        TestConfiguration config = new TestConfiguration(standIn.baseUrl());
        config.subdomain = AmoCrmStandIn.SUBDOMAIN;
        config.clientId = standIn.oauth().clientId();
        config.clientSecret = standIn.oauth().clientSecret();
        config.redirectUri = standIn.oauth().redirectUri();
        config.webhookSecret = WEBHOOK_SECRET;
        return config;
    }

    AmoCrmStandIn standIn() {
        return standIn;
    }

    TestConfiguration configuration() {
        return configuration;
    }

    TokenVault vault() {
        return vault;
    }

    @Override
    public AmoCrmConnector connector() {
        return connector;
    }

    @Override
    public String createContact(String name, List<String> emails, List<String> phones, String owner, List<String> tags) {
        ObjectNode item = MAPPER.createObjectNode().put("name", name);
        ArrayNode fields = item.putArray("custom_fields_values");
        field(fields, "EMAIL", "WORK", emails);
        field(fields, "PHONE", "MOB", phones);
        ownerAndTags(item, owner, tags);
        return String.valueOf(standIn.account().createContact(item));
    }

    /** A CRM user edits a second later at least: amoCRM's times are whole seconds. */
    @Override
    public void changeContact(String contactId, String owner, List<String> tags) {
        standIn.clock().advance(Duration.ofSeconds(1));
        ObjectNode item = MAPPER.createObjectNode();
        ownerAndTags(item, owner, tags);
        standIn.account().updateContact(Long.parseLong(contactId), item);
    }

    @Override
    public boolean setSegment(String contactId, String segment) {
        ObjectNode item = MAPPER.createObjectNode();
        item.putArray("custom_fields_values").addObject().put("field_id", segmentField).putArray("values")
                .addObject().put("value", segment);
        standIn.account().updateContact(Long.parseLong(contactId), item);
        return true;
    }

    @Override
    public boolean setCompany(String contactId, String company) {
        standIn.account().linkCompany(Long.parseLong(contactId), standIn.account().addCompany(company));
        return true;
    }

    /** Call notes carry the interaction in {@code uniq}, the others on the text's last line. */
    @Override
    public List<String> loggedInteractions(String contactId) {
        List<String> ids = new ArrayList<>();
        for (JsonNode note : standIn.account().notes(Long.parseLong(contactId))) {
            JsonNode params = note.path("params");
            if (note.path("note_type").asText().startsWith("call_")) {
                ids.add(params.path("uniq").asText());
                continue;
            }
            String id = ActivityText.interactionOf(params.path("text").asText());
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Override
    public boolean rateLimitNext(int calls) {
        standIn.faults().next(calls, Fault.TOO_MANY_REQUESTS);
        return true;
    }

    @Override
    public boolean failNext(int calls) {
        standIn.faults().next(calls, Fault.SERVICE_UNAVAILABLE);
        return true;
    }

    @Override
    public Optional<Tokens> tokens() {
        return Optional.of(new Tokens() {
            @Override
            public void expireAccessToken() {
                standIn.oauth().expireAccessToken();
            }

            @Override
            public int refreshes() {
                return standIn.oauth().refreshes();
            }
        });
    }

    @Override
    public Optional<Webhooks> webhooks() {
        return Optional.of(new Webhooks() {
            @Override
            public CrmWebhooks.Request changeOf(String contactId) {
                return request("/" + WEBHOOK_SECRET, standIn.webhooks().body("update", contact(contactId)));
            }

            @Override
            public CrmWebhooks.Request forged(String contactId) {
                return request("/guessed-path-0123456789abcdef", standIn.webhooks().body("update", contact(contactId)));
            }

            /** amoCRM signs nothing: a replay is the same request, dropped by the platform by its event id. */
            @Override
            public Optional<CrmWebhooks.Request> replayed(String contactId) {
                return Optional.empty();
            }
        });
    }

    JsonNode contact(String contactId) {
        return standIn.account().contact(Long.parseLong(contactId)).orElseThrow();
    }

    static CrmWebhooks.Request request(String path, String form) {
        String type = "application/x-www-form-urlencoded";
        return new CrmWebhooks.Request("POST", "https://seamline.example/hooks/crm/amocrm/contract" + path, path,
                Map.of("content-type", List.of(type)), type, form.getBytes(StandardCharsets.UTF_8));
    }

    private void ownerAndTags(ObjectNode item, String owner, List<String> tags) {
        if (owner != null) {
            item.put("responsible_user_id", standIn.account().userNamed(owner)
                    .orElseGet(() -> standIn.account().addUser(owner)));
        }
        if (tags != null) {
            ArrayNode list = item.putObject("_embedded").putArray("tags");
            tags.forEach(tag -> list.addObject().put("name", tag));
        }
    }

    private static void field(ArrayNode fields, String code, String enumCode, List<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        ArrayNode list = fields.addObject().put("field_code", code).putArray("values");
        values.forEach(value -> list.addObject().put("value", value).put("enum_code", enumCode));
    }

    @Override
    public void close() {
        standIn.close();
    }
}
