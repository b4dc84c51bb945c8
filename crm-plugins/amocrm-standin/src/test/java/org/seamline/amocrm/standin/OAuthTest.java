package org.seamline.amocrm.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The token endpoint: codes once, refresh tokens rotate, access tokens expire. */
class OAuthTest {

    private final AmoCrmStandIn standIn = AmoCrmStandIn.start();
    private final Client client = new Client(standIn.baseUrl());

    @AfterEach
    void close() {
        standIn.close();
    }

    private Client.Answer grant(String type, String field, String value) throws Exception {
        OAuth oauth = standIn.oauth();
        String body = Client.MAPPER.createObjectNode().put("client_id", oauth.clientId())
                .put("client_secret", oauth.clientSecret()).put("grant_type", type).put(field, value)
                .put("redirect_uri", oauth.redirectUri()).toString();
        return client.send("POST", "/oauth2/access_token", body);
    }

    @Test
    void aCodeIsExchangedOnceAndEveryRefreshRotatesThePair() throws Exception {
        String code = standIn.oauth().authorizationCode();

        Client.Answer first = grant("authorization_code", "code", code);
        assertEquals(200, first.status());
        assertEquals("Bearer", first.body().path("token_type").asText());
        assertEquals(86_400, first.body().path("expires_in").asInt());
        assertEquals(400, grant("authorization_code", "code", code).status(), "a code works once");

        String oldRefresh = first.body().path("refresh_token").asText();
        Client.Answer second = grant("refresh_token", "refresh_token", oldRefresh);
        assertEquals(200, second.status());
        assertNotEquals(oldRefresh, second.body().path("refresh_token").asText());

        Client.Answer reused = grant("refresh_token", "refresh_token", oldRefresh);
        assertEquals(400, reused.status(), "the old refresh token died with the rotation");
        assertTrue(reused.type().startsWith("application/problem+json"));
        assertEquals(1, standIn.oauth().refreshes());
        assertEquals(1, standIn.oauth().exchanges());
    }

    @Test
    void anExpiredAccessTokenIsRefusedAndALongLivedOneWorks() throws Exception {
        JsonNode pair = grant("authorization_code", "code", standIn.oauth().authorizationCode()).body();
        client.bearer(pair.path("access_token").asText());
        assertEquals(204, client.get("/api/v4/contacts").status(), "an empty account answers 204");

        standIn.oauth().expireAccessToken();
        Client.Answer refused = client.get("/api/v4/contacts");
        assertEquals(401, refused.status());
        assertEquals("Unauthorized", refused.body().path("title").asText());

        client.bearer(standIn.oauth().longLivedToken());
        assertEquals(204, client.get("/api/v4/contacts").status());
    }

    @Test
    void aWrongClientSecretIsRefused() throws Exception {
        String body = Client.MAPPER.createObjectNode().put("client_id", standIn.oauth().clientId())
                .put("client_secret", "wrong").put("grant_type", "authorization_code")
                .put("code", standIn.oauth().authorizationCode()).put("redirect_uri", standIn.oauth().redirectUri()).toString();

        assertEquals(401, client.send("POST", "/oauth2/access_token", body).status());
    }
}
