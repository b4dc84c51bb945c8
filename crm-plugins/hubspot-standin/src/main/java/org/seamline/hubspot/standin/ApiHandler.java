package org.seamline.hubspot.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side: routes both path families ({@code /crm/v3/objects/{type}} and {@code /crm/objects/{yyyy-mm}/{type}})
 * and the owners and v4 association reads. Order of checks: the bearer token (401), an injected fault, the rate
 * limits (429; search has its own and answers no rate headers), the token's scopes on writes (403), then the call.
 */
final class ApiHandler implements HttpHandler {

    private static final Pattern OBJECTS = Pattern.compile(
            "/crm/(?:v3/objects|objects/(\\d{4}-\\d{2}))/([a-z_]+)(?:/([^/]+))?/?");
    private static final Pattern ASSOCIATIONS = Pattern.compile("/crm/v4/objects/([a-z_]+)/([^/]+)/associations/([a-z_]+)/?");
    private static final Pattern OWNER = Pattern.compile("/crm/v3/owners/([^/]+)/?");

    private final Account account;
    private final byte[] token;
    private final byte[] readOnlyToken;
    private final Faults faults;
    private final RateLimits limits;
    private final StandInClock clock;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    ApiHandler(Account account, String token, String readOnlyToken, Faults faults, RateLimits limits, StandInClock clock) {
        this.account = account;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.readOnlyToken = readOnlyToken.getBytes(StandardCharsets.UTF_8);
        this.faults = faults;
        this.limits = limits;
        this.clock = clock;
    }

    List<String> calls() {
        return new ArrayList<>(calls);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            boolean search = method.equals("POST") && path.endsWith("/search");
            calls.add(method + " " + exchange.getRequestURI().getRawPath());
            Boolean writer = bearer(exchange.getRequestHeaders().getFirst("Authorization"));
            if (writer == null) {
                send(exchange, new ApiError(401, "INVALID_AUTHENTICATION", "Authentication credentials not found. "
                        + "This API supports OAuth 2.0 authentication and you can find more details at "
                        + "https://developers.hubspot.com/docs/methods/auth/oauth-overview"), Map.of());
                return;
            }
            Fault fault = faults.poll();
            if (fault != null && fault.passes()) {
                fault = null;
            }
            if (fault != null && !fault.lost()) {
                sendFault(exchange, fault, search);
                return;
            }
            String refusedBy = search ? (limits.admitSearch() ? null : "SECONDLY") : limits.admit();
            Map<String, String> headers = search ? Map.of() : limits.headers();
            if (refusedBy != null) {
                sendRateLimit(exchange, refusedBy, null, headers);
                return;
            }
            ObjectNode answer;
            int status;
            try {
                if (!writer && !search && !method.equals("GET")) {
                    throw missingScopes(path);
                }
                status = method.equals("POST") && !search ? 201 : 200;
                answer = route(method, path, exchange.getRequestURI().getRawQuery(), body);
                if (method.equals("DELETE")) {
                    status = 204;
                }
            } catch (ApiError e) {
                send(exchange, e, headers);
                return;
            }
            if (fault != null) {
                return; // carried out; the connection closes with no answer
            }
            send(exchange, status, answer, headers);
        }
    }

    /** True for the full token, false for the read-only one, null for anything else. */
    private Boolean bearer(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(token, presented)) {
            return true;
        }
        return MessageDigest.isEqual(readOnlyToken, presented) ? false : null;
    }

    private ObjectNode route(String method, String path, String rawQuery, byte[] body) {
        Map<String, List<String>> query = query(rawQuery);
        Matcher owner = OWNER.matcher(path);
        if (owner.matches() && method.equals("GET")) {
            return Json.owner(account.ownerById(owner.group(1)).orElseThrow(ApiError::notFound), clock.now());
        }
        Matcher links = ASSOCIATIONS.matcher(path);
        if (links.matches() && method.equals("GET")) {
            account.apiGet(links.group(1), links.group(2), null);
            return Json.associationsV4(account.associationsOf(links.group(1), links.group(2), links.group(3)));
        }
        Matcher objects = OBJECTS.matcher(path);
        if (!objects.matches()) {
            throw new ApiError(404, "OBJECT_NOT_FOUND", "No route for " + method + " " + path);
        }
        String type = objects.group(2);
        String id = objects.group(3);
        if (id == null && method.equals("POST")) {
            JsonNode json = json(body);
            StoredObject created = account.apiCreate(type, Json.properties(json.path("properties")), links(type, json));
            return Json.object(account, created, created.properties().keySet(), List.of());
        }
        if ("search".equals(id) && method.equals("POST")) {
            JsonNode json = json(body);
            Set<String> properties = new LinkedHashSet<>();
            json.path("properties").forEach(p -> properties.add(p.asText()));
            return Json.page(account, Search.run(account, type, json),
                    properties.isEmpty() ? ObjectTypes.defaultProperties(type) : properties);
        }
        if (id == null) {
            throw new ApiError(405, "VALIDATION_ERROR", method + " is not supported on " + path);
        }
        String idProperty = first(query, "idProperty");
        return switch (method) {
            case "GET" -> {
                StoredObject found = account.apiGet(type, id, idProperty);
                Set<String> properties = listParam(query, "properties");
                yield Json.object(account, found, properties.isEmpty() ? ObjectTypes.defaultProperties(type) : properties,
                        new ArrayList<>(listParam(query, "associations")));
            }
            case "PATCH" -> {
                StoredObject updated = account.apiUpdate(type, id, idProperty, Json.properties(json(body).path("properties")));
                yield Json.object(account, updated, updated.properties().keySet(), List.of());
            }
            case "DELETE" -> {
                account.archive(type, account.apiGet(type, id, idProperty).id());
                yield null;
            }
            default -> throw new ApiError(405, "VALIDATION_ERROR", method + " is not supported on " + path);
        };
    }

    /** Inline associations; HubSpot infers the target type from the association type id. */
    private static List<Association> links(String type, JsonNode json) {
        List<Association> links = new ArrayList<>();
        for (JsonNode link : json.path("associations")) {
            String toId = link.path("to").path("id").asText("");
            for (JsonNode kind : link.path("types")) {
                int typeId = kind.path("associationTypeId").asInt(-1);
                String toType = List.of(ObjectTypes.CONTACTS, ObjectTypes.COMPANIES, "notes", "calls", "emails",
                        "communications").stream().filter(t -> ObjectTypes.validAssociation(type, t, typeId))
                        .findFirst().orElseThrow(() -> ApiError.validation("association type id " + typeId
                                + " is not valid from " + type));
                if (!"HUBSPOT_DEFINED".equals(kind.path("associationCategory").asText())) {
                    throw ApiError.validation("associationCategory must be HUBSPOT_DEFINED for type " + typeId);
                }
                links.add(new Association(type, null, toType, toId, typeId));
            }
        }
        return links;
    }

    private ApiError missingScopes(String path) {
        ObjectNode extra = Webhooks.MAPPER.createObjectNode();
        String object = path.replaceAll(".*/(contacts|companies|notes|calls|emails|communications).*", "$1");
        extra.putArray("errors").addObject().put("message", "One or more of the following scopes are required.")
                .putObject("context").putArray("requiredGranularScopes").add("crm.objects." + object + ".write");
        return new ApiError(403, "MISSING_SCOPES", "This app hasn't been granted all required scopes to make this "
                + "call. Read more about required scopes here: https://developers.hubspot.com/scopes.", extra);
    }

    private void sendFault(HttpExchange exchange, Fault fault, boolean search) throws IOException {
        Map<String, String> headers = search ? Map.of() : limits.headers();
        if (fault.status() == 429) {
            sendRateLimit(exchange, fault.category(), fault.retryAfterSeconds(), headers);
        } else {
            send(exchange, new ApiError(fault.status(), fault.category(), "injected " + fault.category()), headers);
        }
    }

    private static void sendRateLimit(HttpExchange exchange, String policy, Integer retryAfter,
                                       Map<String, String> headers) throws IOException {
        ObjectNode body = Webhooks.MAPPER.createObjectNode().put("status", "error")
                .put("message", "You have reached your " + policy.toLowerCase() + " limit.")
                .put("errorType", "RATE_LIMIT").put("correlationId", UUID.randomUUID().toString())
                .put("policyName", policy).put("requestId", UUID.randomUUID().toString());
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfter));
        }
        send(exchange, 429, body, headers);
    }

    private static void send(HttpExchange exchange, ApiError error, Map<String, String> headers) throws IOException {
        ObjectNode body = Webhooks.MAPPER.createObjectNode().put("status", "error").put("message", error.getMessage())
                .put("correlationId", UUID.randomUUID().toString()).put("category", error.category);
        if (error.extra != null) {
            body.setAll(error.extra);
        }
        send(exchange, error.status, body, headers);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body, Map<String, String> headers)
            throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = Webhooks.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode json = Webhooks.MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                throw ApiError.validation("Invalid input JSON: expected an object");
            }
            return json;
        } catch (IOException e) {
            throw ApiError.validation("Invalid input JSON on line 1");
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new java.util.HashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** {@code properties=a,b&properties=c}: both forms HubSpot accepts. */
    private static Set<String> listParam(Map<String, List<String>> query, String key) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : query.getOrDefault(key, List.of())) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    values.add(item.strip());
                }
            }
        }
        return values;
    }
}
