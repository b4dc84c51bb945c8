package org.seamline.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seamline.api.crm.ActivityText;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmWebhooks;
import org.seamline.bitrix24.standin.Bitrix24StandIn;
import org.seamline.bitrix24.standin.Fault;
import org.seamline.crm.contract.CrmFixture;

/**
 * The Bitrix24 side of the CRM contract: a connector on a fresh stand-in portal. Owners are portal employees named
 * as the test names them; tags live in the custom field {@value #TAGS_FIELD}.
 */
public final class Bitrix24Fixture implements CrmFixture {

    static final String TAGS_FIELD = "UF_CRM_SEAMLINE_TAGS";
    static final String SEGMENT_FIELD = "UF_CRM_SEGMENT";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Bitrix24StandIn standIn = Bitrix24StandIn.start();
    private final TestConfiguration configuration;
    private final Bitrix24Connector connector;

    public Bitrix24Fixture() {
        configuration = new TestConfiguration(standIn.webhookUrl());
        configuration.applicationToken = standIn.events().applicationToken();
        configuration.tagsField = TAGS_FIELD;
        configuration.segmentField = SEGMENT_FIELD;
        // The connector may make many calls per test; the platform, not the test, would pace them.
        standIn.bucket().configure(10_000, 1_000);
        connector = new Bitrix24Connector("contract", configuration.settings(), Clock.systemUTC());
    }

    Bitrix24StandIn standIn() {
        return standIn;
    }

    TestConfiguration configuration() {
        return configuration;
    }

    @Override
    public CrmConnector connector() {
        return connector;
    }

    @Override
    public String createContact(String name, List<String> emails, List<String> phones, String owner, List<String> tags) {
        ObjectNode fields = MAPPER.createObjectNode().put("NAME", name);
        multiField(fields, "EMAIL", "WORK", emails);
        multiField(fields, "PHONE", "MOBILE", phones);
        ownerAndTags(fields, owner, tags);
        return String.valueOf(standIn.portal().addContact(fields));
    }

    @Override
    public void changeContact(String contactId, String owner, List<String> tags) {
        ObjectNode fields = MAPPER.createObjectNode();
        ownerAndTags(fields, owner, tags);
        standIn.portal().updateContact(Integer.parseInt(contactId), fields);
    }

    /** The segment lives in the custom field {@value #SEGMENT_FIELD}. */
    @Override
    public boolean setSegment(String contactId, String segment) {
        standIn.portal().updateContact(Integer.parseInt(contactId), MAPPER.createObjectNode().put(SEGMENT_FIELD, segment));
        return true;
    }

    /** A new company of that title, linked as the contact's COMPANY_ID. */
    @Override
    public boolean setCompany(String contactId, String company) {
        int companyId = standIn.portal().addCompany(company);
        standIn.portal().updateContact(Integer.parseInt(contactId), MAPPER.createObjectNode().put("COMPANY_ID", companyId));
        return true;
    }

    /** Comments carry the interaction on their last line, call activities in ORIGIN_ID. */
    @Override
    public List<String> loggedInteractions(String contactId) {
        List<String> ids = new ArrayList<>();
        for (JsonNode comment : standIn.portal().comments(Integer.parseInt(contactId))) {
            String id = ActivityText.interactionOf(comment.path("COMMENT").asText());
            if (id != null) {
                ids.add(id);
            }
        }
        for (JsonNode activity : standIn.portal().activities()) {
            if (activity.path("OWNER_ID").asText().equals(contactId) && activity.path("OWNER_TYPE_ID").asText().equals("3")) {
                ids.add(activity.path("ORIGIN_ID").asText());
            }
        }
        return ids;
    }

    @Override
    public boolean rateLimitNext(int calls) {
        standIn.faults().next(calls, Fault.QUERY_LIMIT_EXCEEDED);
        return true;
    }

    @Override
    public boolean failNext(int calls) {
        standIn.faults().next(calls, Fault.INTERNAL_SERVER_ERROR);
        return true;
    }

    @Override
    public Optional<Webhooks> webhooks() {
        return Optional.of(new Webhooks() {
            @Override
            public CrmWebhooks.Request changeOf(String contactId) {
                return request(standIn.events().body("ONCRMCONTACTUPDATE", Integer.parseInt(contactId)));
            }

            @Override
            public CrmWebhooks.Request forged(String contactId) {
                return request(standIn.events().body("ONCRMCONTACTUPDATE", Integer.parseInt(contactId),
                        "0123456789abcdef0123456789abcdef", standIn.clock().now().getEpochSecond()));
            }

            /** The token is static and unsigned: a replay is the same request, dropped by its event id. */
            @Override
            public Optional<CrmWebhooks.Request> replayed(String contactId) {
                return Optional.empty();
            }
        });
    }

    static CrmWebhooks.Request request(String form) {
        String type = "application/x-www-form-urlencoded";
        return new CrmWebhooks.Request("POST", "https://seamline.example/hooks/crm/bitrix24/contract", "",
                Map.of("content-type", List.of(type)), type, form.getBytes(StandardCharsets.UTF_8));
    }

    private void ownerAndTags(ObjectNode fields, String owner, List<String> tags) {
        if (owner != null) {
            fields.put("ASSIGNED_BY_ID", employee(owner));
        }
        if (tags != null) {
            ArrayNode values = fields.putArray(TAGS_FIELD);
            tags.forEach(values::add);
        }
    }

    /** The portal employee with this name, added the first time it is named. */
    private int employee(String name) {
        String[] parts = name.strip().split(" ", 2);
        return standIn.portal().findUser(parts[0], parts.length > 1 ? parts[1] : "")
                .orElseGet(() -> standIn.portal().addUser(parts[0], parts.length > 1 ? parts[1] : "", ""));
    }

    private static void multiField(ObjectNode fields, String type, String valueType, List<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        ArrayNode items = fields.putArray(type);
        values.forEach(value -> items.addObject().put("VALUE", value).put("VALUE_TYPE", valueType));
    }

    @Override
    public void close() {
        standIn.close();
    }
}
