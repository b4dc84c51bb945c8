package org.seamline.amocrm.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The account's OAuth 2.0 server for one integration ({@code POST /oauth2/access_token}): an authorization code is
 * exchanged once; every refresh issues a new pair and the refresh token it used stops working at once (rotation);
 * access tokens expire after {@link #accessTokenLifetime}. A private integration's long-lived token works until it
 * is revoked. Counts the refreshes, so a test can see that a connector refreshed once.
 */
public final class OAuth {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StandInClock clock;
    private final String clientId = "standin-" + random(6);
    private final String clientSecret = random(24);
    private final String redirectUri = "https://seamline.example/oauth/amocrm";
    private final Set<String> codes = new HashSet<>();
    private final Set<String> refreshTokens = new HashSet<>();
    private final Map<String, Instant> accessTokens = new HashMap<>();
    private final Set<String> longLived = new HashSet<>();
    private Duration accessTokenLifetime = Duration.ofDays(1);
    private int refreshes;
    private int exchanges;
    private int failNext;

    OAuth(StandInClock clock) {
        this.clock = clock;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public String redirectUri() {
        return redirectUri;
    }

    /** A one-time code, as the account hands it to the redirect URI after an admin grants access. */
    public synchronized String authorizationCode() {
        String code = random(32);
        codes.add(code);
        return code;
    }

    /** A valid refresh token, as if the integration had been authorised earlier (no access token yet). */
    public synchronized String refreshToken() {
        String token = random(48);
        refreshTokens.add(token);
        return token;
    }

    /** A private integration's long-lived access token. */
    public synchronized String longLivedToken() {
        String token = random(48);
        longLived.add(token);
        return token;
    }

    public synchronized void accessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
    }

    /** Every access token issued so far expires now; refresh tokens stay valid. */
    public synchronized void expireAccessToken() {
        accessTokens.replaceAll((token, expiry) -> clock.now().minusSeconds(1));
    }

    /** Every token and code is revoked: what an admin disconnecting the integration does. */
    public synchronized void revokeAll() {
        codes.clear();
        refreshTokens.clear();
        accessTokens.clear();
        longLived.clear();
    }

    /** Successful refresh-token grants so far. */
    public synchronized int refreshes() {
        return refreshes;
    }

    /** Successful authorization-code grants so far. */
    public synchronized int exchanges() {
        return exchanges;
    }

    /** Whether this refresh token would still be accepted. */
    public synchronized boolean refreshTokenValid(String token) {
        return refreshTokens.contains(token);
    }

    /** The next {@code requests} token requests answer 503. */
    public synchronized void failNext(int requests) {
        failNext = requests;
    }

    synchronized boolean authorised(String bearer) {
        if (bearer == null) {
            return false;
        }
        if (longLived.contains(bearer)) {
            return true;
        }
        Instant expiry = accessTokens.get(bearer);
        return expiry != null && expiry.isAfter(clock.now());
    }

    /** The token endpoint: answers the new pair or throws the refusal. */
    synchronized ObjectNode grant(JsonNode request) {
        if (failNext > 0) {
            failNext--;
            throw Problem.of(503, "Service Unavailable", null);
        }
        if (!clientId.equals(request.path("client_id").asText()) || !clientSecret.equals(request.path("client_secret").asText())) {
            throw oauthProblem(401, "Client authentication failed");
        }
        String grantType = request.path("grant_type").asText();
        switch (grantType) {
            case "authorization_code" -> {
                if (!redirectUri.equals(request.path("redirect_uri").asText())) {
                    throw oauthProblem(400, "Redirect URI mismatch");
                }
                if (!codes.remove(request.path("code").asText())) {
                    throw oauthProblem(400, "Authorization code has been revoked");
                }
                exchanges++;
            }
            case "refresh_token" -> {
                if (!refreshTokens.remove(request.path("refresh_token").asText())) {
                    throw oauthProblem(400, "Token has been revoked");
                }
                refreshes++;
            }
            default -> throw oauthProblem(400, "The authorization grant type is not supported");
        }
        String access = random(48);
        String refresh = random(48);
        accessTokens.put(access, clock.now().plus(accessTokenLifetime));
        refreshTokens.add(refresh);
        return MAPPER.createObjectNode().put("token_type", "Bearer").put("expires_in", accessTokenLifetime.toSeconds())
                .put("access_token", access).put("refresh_token", refresh).put("server_time", clock.epochSecond());
    }

    private static Problem oauthProblem(int status, String hint) {
        Problem problem = Problem.of(status, status == 401 ? "Unauthorized" : "Bad Request",
                "The request is missing a required parameter or a parameter is invalid");
        problem.body.put("hint", hint).put("type", "https://developers.amocrm.ru/v3/errors/OAuthProblemJson");
        return problem;
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
