package org.seamline.amocrm.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side: {@code POST /oauth2/access_token} and the {@code /api/v4} resources the connector uses. Checks in
 * the order amoCRM applies them as far as it shows: an injected fault, the bearer token (401), the 7/s limit
 * (429), then the resource. Successes are {@code application/hal+json}, an empty list is 204 without a body,
 * errors are {@code application/problem+json}.
 */
final class ApiHandler implements HttpHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_LIMIT = 250;
    private static final Pattern CONTACT = Pattern.compile("/api/v4/contacts/(\\d+)");
    private static final Pattern CONTACT_NOTES = Pattern.compile("/api/v4/contacts/(\\d+)/notes");
    private static final Pattern USER = Pattern.compile("/api/v4/users/(\\d+)");
    private static final Pattern COMPANY = Pattern.compile("/api/v4/companies/(\\d+)");

    private final String baseUrl;
    private final Account account;
    private final OAuth oauth;
    private final Faults faults;
    private final RateLimit limit;
    private final List<String> requests;

    ApiHandler(String baseUrl, Account account, OAuth oauth, Faults faults, RateLimit limit, List<String> requests) {
        this.baseUrl = baseUrl;
        this.account = account;
        this.oauth = oauth;
        this.faults = faults;
        this.limit = limit;
        this.requests = requests;
    }

    /** A success to send: status and body (null for 204). */
    private record Answer(int status, JsonNode body) {
        static Answer ok(JsonNode body) {
            return new Answer(200, body);
        }

        static Answer empty() {
            return new Answer(204, null);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/oauth2/access_token") && method.equals("POST")) {
                token(exchange);
                return;
            }
            Fault fault = path.startsWith("/api/") ? faults.poll() : null;
            if (fault == Fault.CONNECTION_RESET) {
                return; // closed before anything is read or answered
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(method + " " + path);
            if (fault != null && fault.status > 0) {
                send(exchange, Problem.of(fault.status, fault.title, null));
                return;
            }
            String bearer = bearer(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!oauth.authorised(bearer)) {
                send(exchange, Problem.of(401, "Unauthorized", null));
                return;
            }
            if (!limit.admit()) {
                send(exchange, Problem.of(429, "Too Many Requests", null));
                return;
            }
            Answer answer;
            try {
                answer = route(method, path, new QueryString(exchange.getRequestURI().getRawQuery()), body);
            } catch (Problem problem) {
                send(exchange, problem);
                return;
            }
            if (fault == Fault.LOST_ANSWER) {
                return; // carried out; the connection closes with no answer
            }
            send(exchange, answer);
        }
    }

    private Answer route(String method, String path, QueryString query, byte[] body) {
        Matcher m;
        if (path.equals("/api/v4/contacts")) {
            return switch (method) {
                case "GET" -> listContacts(query);
                case "POST" -> createContacts(json(body));
                case "PATCH" -> patchContacts(json(body));
                default -> throw Problem.of(405, "Method Not Allowed", null);
            };
        }
        if (path.equals("/api/v4/contacts/notes") && method.equals("POST")) {
            return addNotes(json(body));
        }
        if ((m = CONTACT.matcher(path)).matches()) {
            long id = Long.parseLong(m.group(1));
            return switch (method) {
                case "GET" -> account.exists(id) ? Answer.ok(account.rendered(id)) : Answer.empty();
                case "PATCH" -> patchContact(id, json(body));
                default -> throw Problem.of(405, "Method Not Allowed", null);
            };
        }
        if ((m = CONTACT_NOTES.matcher(path)).matches() && method.equals("GET")) {
            return listNotes(Long.parseLong(m.group(1)), query);
        }
        if ((m = USER.matcher(path)).matches() && method.equals("GET")) {
            long id = Long.parseLong(m.group(1));
            return account.userName(id).map(name -> Answer.ok(user(id, name))).orElseGet(Answer::empty);
        }
        if ((m = COMPANY.matcher(path)).matches() && method.equals("GET")) {
            long id = Long.parseLong(m.group(1));
            return account.companyName(id).map(name -> Answer.ok(company(id, name))).orElseGet(Answer::empty);
        }
        throw Problem.notFound();
    }

    private Answer listContacts(QueryString query) {
        List<Predicate<ObjectNode>> filters = new ArrayList<>();
        String text = query.first("query");
        if (text != null && !text.isBlank()) {
            filters.add(contact -> matches(contact, text.strip()));
        }
        Long from = query.number("filter[updated_at][from]");
        Long to = query.number("filter[updated_at][to]");
        if (from != null) {
            filters.add(contact -> contact.path("updated_at").asLong() >= from);
        }
        if (to != null) {
            filters.add(contact -> contact.path("updated_at").asLong() <= to);
        }
        List<String> ids = query.list("filter[id]");
        if (!ids.isEmpty()) {
            filters.add(contact -> ids.contains(contact.path("id").asText()));
        }
        Comparator<ObjectNode> order = order(query);
        List<ObjectNode> all = account.contacts(contact -> filters.stream().allMatch(f -> f.test(contact)), order);
        return page("/api/v4/contacts", "contacts", all, query);
    }

    private Answer listNotes(long contactId, QueryString query) {
        if (!account.exists(contactId)) {
            return Answer.empty();
        }
        List<String> types = query.list("filter[note_type]");
        List<String> ids = query.list("filter[id]");
        List<ObjectNode> all = account.notes(contactId,
                note -> (types.isEmpty() || types.contains(note.path("note_type").asText()))
                        && (ids.isEmpty() || ids.contains(note.path("id").asText())), order(query));
        return page("/api/v4/contacts/" + contactId + "/notes", "notes", all, query);
    }

    /** {@code order[updated_at]} or {@code order[id]}, {@code asc} or {@code desc}; ties by id. Default: by id. */
    private static Comparator<ObjectNode> order(QueryString query) {
        Comparator<ObjectNode> byId = Comparator.comparingLong(node -> node.path("id").asLong());
        String updated = query.first("order[updated_at]");
        String id = query.first("order[id]");
        if (updated != null) {
            Comparator<ObjectNode> order = Comparator.<ObjectNode>comparingLong(node -> node.path("updated_at").asLong())
                    .thenComparing(byId);
            return direction(updated, "order[updated_at]") ? order : order.reversed();
        }
        if (id != null) {
            return direction(id, "order[id]") ? byId : byId.reversed();
        }
        return byId;
    }

    private static boolean direction(String value, String key) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw Problem.invalid("0", "NotSupportedChoice", key, "The value you selected is not a valid choice");
        };
    }

    private Answer page(String path, String kind, List<ObjectNode> all, QueryString query) {
        int limit = query.integer("limit", 50);
        int page = query.integer("page", 1);
        if (limit < 1 || limit > MAX_LIMIT || page < 1) {
            throw Problem.invalid("0", "InvalidRange", limit < 1 || limit > MAX_LIMIT ? "limit" : "page",
                    "This value is not in the allowed range");
        }
        int from = (page - 1) * limit;
        if (from >= all.size()) {
            return Answer.empty();
        }
        List<ObjectNode> rows = all.subList(from, Math.min(all.size(), from + limit));
        ObjectNode body = MAPPER.createObjectNode().put("_page", page);
        ObjectNode links = body.putObject("_links");
        links.putObject("self").put("href", baseUrl + path + "?limit=" + limit + "&page=" + page);
        if (from + limit < all.size()) {
            links.putObject("next").put("href", baseUrl + path + "?limit=" + limit + "&page=" + (page + 1));
        }
        ArrayNode items = body.putObject("_embedded").putArray(kind);
        rows.forEach(items::add);
        return Answer.ok(body);
    }

    /** amoCRM's full-text search over filled fields; phone digits match within the stored digits. */
    private static boolean matches(JsonNode contact, String query) {
        String lower = query.toLowerCase(Locale.ROOT);
        String digits = query.replaceAll("\\D", "");
        boolean phoneLike = digits.length() >= 5 && query.matches("[+\\d\\s()\\-]+");
        if (contact.path("name").asText().toLowerCase(Locale.ROOT).contains(lower)) {
            return true;
        }
        for (JsonNode field : contact.path("custom_fields_values")) {
            for (JsonNode value : field.path("values")) {
                String text = value.path("value").asText();
                if (text.toLowerCase(Locale.ROOT).contains(lower)
                        || phoneLike && "PHONE".equals(field.path("field_code").asText())
                        && text.replaceAll("\\D", "").contains(digits)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Answer createContacts(JsonNode items) {
        requireArray(items);
        for (int i = 0; i < items.size(); i++) {
            account.validate(items.get(i), requestId(items.get(i), i));
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("_links").putObject("self").put("href", baseUrl + "/api/v4/contacts");
        ArrayNode created = body.putObject("_embedded").putArray("contacts");
        for (int i = 0; i < items.size(); i++) {
            String requestId = requestId(items.get(i), i);
            long id = account.create(items.get(i), requestId, Account.API_USER_ID);
            account.fire("add", account.rendered(id));
            ObjectNode one = created.addObject().put("id", id).put("request_id", requestId);
            one.putObject("_links").putObject("self").put("href", baseUrl + "/api/v4/contacts/" + id);
        }
        return Answer.ok(body);
    }

    private Answer patchContact(long id, JsonNode item) {
        if (!account.exists(id)) {
            throw Problem.notFound();
        }
        account.validate(item, "0");
        account.patch(id, item, "0");
        ObjectNode rendered = account.rendered(id);
        account.fire("update", rendered);
        ObjectNode body = MAPPER.createObjectNode().put("id", id).put("name", rendered.path("name").asText())
                .put("updated_at", rendered.path("updated_at").asLong());
        body.putObject("_links").putObject("self").put("href", baseUrl + "/api/v4/contacts/" + id);
        return Answer.ok(body);
    }

    private Answer patchContacts(JsonNode items) {
        requireArray(items);
        for (int i = 0; i < items.size(); i++) {
            if (!account.exists(items.get(i).path("id").asLong(0))) {
                throw Problem.invalid(requestId(items.get(i), i), "NotFound", "id", "The entity is not found");
            }
            account.validate(items.get(i), requestId(items.get(i), i));
        }
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode updated = body.putObject("_embedded").putArray("contacts");
        for (int i = 0; i < items.size(); i++) {
            long id = items.get(i).path("id").asLong();
            account.patch(id, items.get(i), requestId(items.get(i), i));
            ObjectNode rendered = account.rendered(id);
            account.fire("update", rendered);
            updated.addObject().put("id", id).put("updated_at", rendered.path("updated_at").asLong())
                    .put("request_id", requestId(items.get(i), i));
        }
        return Answer.ok(body);
    }

    private Answer addNotes(JsonNode items) {
        requireArray(items);
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("_links").putObject("self").put("href", baseUrl + "/api/v4/contacts/notes");
        ArrayNode added = body.putObject("_embedded").putArray("notes");
        for (int i = 0; i < items.size(); i++) {
            String requestId = requestId(items.get(i), i);
            long entity = items.get(i).path("entity_id").asLong();
            long id = account.addNote(items.get(i), requestId);
            ObjectNode one = added.addObject().put("id", id).put("entity_id", entity).put("request_id", requestId);
            one.putObject("_links").putObject("self").put("href", baseUrl + "/api/v4/contacts/" + entity + "/notes/" + id);
        }
        return Answer.ok(body);
    }

    private void token(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add("POST /oauth2/access_token");
        try {
            ObjectNode pair = oauth.grant(json(body));
            send(exchange, 200, "application/json", pair);
        } catch (Problem problem) {
            send(exchange, problem);
        }
    }

    private ObjectNode user(long id, String name) {
        ObjectNode user = MAPPER.createObjectNode().put("id", id).put("name", name)
                .put("email", "user" + id + "@standin.invalid").put("lang", "en");
        user.putObject("rights").put("contacts", "A").put("is_admin", id == Account.API_USER_ID);
        user.putObject("_links").putObject("self").put("href", baseUrl + "/api/v4/users/" + id);
        return user;
    }

    private ObjectNode company(long id, String name) {
        ObjectNode company = MAPPER.createObjectNode().put("id", id).put("name", name)
                .put("responsible_user_id", Account.API_USER_ID).put("account_id", Account.ACCOUNT_ID);
        company.putObject("_links").putObject("self").put("href", baseUrl + "/api/v4/companies/" + id);
        company.putObject("_embedded").putArray("tags");
        return company;
    }

    private static String requestId(JsonNode item, int index) {
        return item.path("request_id").asText(String.valueOf(index));
    }

    private static void requireArray(JsonNode items) {
        if (!items.isArray() || items.isEmpty()) {
            throw Problem.invalid("0", "InvalidType", "", "The body must be a non-empty array");
        }
        if (items.size() > MAX_LIMIT) {
            throw Problem.invalid("0", "InvalidRange", "", "At most 250 items per request");
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode json = MAPPER.readTree(body);
            if (json == null) {
                throw Problem.of(400, "Bad Request", "The body is empty");
            }
            return json;
        } catch (IOException e) {
            throw Problem.of(400, "Bad Request", "The body is not JSON");
        }
    }

    private static String bearer(String header) {
        return header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
    }

    private static void send(HttpExchange exchange, Problem problem) throws IOException {
        send(exchange, problem.status, "application/problem+json", problem.body);
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        send(exchange, answer.status(), "application/hal+json", answer.body());
    }

    private static void send(HttpExchange exchange, int status, String type, JsonNode body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
