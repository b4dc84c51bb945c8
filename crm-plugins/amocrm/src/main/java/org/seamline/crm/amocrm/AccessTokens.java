package org.seamline.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;
import org.seamline.crm.amocrm.TokenVault.TokenVaultException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's access token. amoCRM rotates refresh tokens: a refresh answers a new pair and the refresh token it
 * used is dead at once. So every refresh happens under one lock (threads that need one at the same time get the
 * result of the first), and the new pair is stored in the vault before anything uses it; a pair that could not be
 * stored stays in memory and is stored before the next use. Refreshes ahead of expiry and once on a 401. The lock is
 * this node's; nodes sharing the database also hold the vault's lock for the instance while they refresh, see
 * {@link #refresh}.
 */
final class AccessTokens {

    /** Refresh this long before the access token expires, so a call never starts with a token about to die. */
    static final Duration AHEAD = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);

    private final String instance;
    private final TokenVault vault;
    private final Http http;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile AmoCrmSettings settings;
    private volatile TokenPair current;
    /** A refreshed pair the vault did not take yet: it must be stored before it is used. */
    private volatile boolean unsaved;

    AccessTokens(String instance, AmoCrmSettings settings, TokenVault vault, Http http, Clock clock) {
        this.instance = instance;
        this.settings = settings;
        this.vault = vault;
        this.http = http;
        this.clock = clock;
    }

    /** New settings: a credential the vault has not seen yet is used on the next call. */
    void reconfigure(AmoCrmSettings next) {
        lock.lock();
        try {
            AuthSeed before = settings.seed();
            settings = next;
            if (!before.equals(next.seed()) && next.seed().kind() != AuthSeed.Kind.NONE) {
                // a new credential: read the vault again and compare its fingerprint. A credential merely removed
                // (NONE) keeps the pair in memory: it is the newest, and may not be stored yet.
                current = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** A token to call with, refreshed first when it is about to expire. */
    String token() throws CrmException {
        AmoCrmSettings now = settings;
        if (now.longLived()) {
            return now.seed().value();
        }
        TokenPair pair = current;
        if (pair != null && !unsaved && !due(pair)) {
            return pair.accessToken();
        }
        lock.lock();
        try {
            pair = ready();
            if (due(pair)) {
                pair = refresh(pair);
            }
            return pair.accessToken();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The API refused {@code rejected}: refresh once, unless another thread did so since, and answer the token to
     * retry with.
     */
    String afterRejection(String rejected) throws CrmException {
        if (settings.longLived()) {
            throw new CrmException(Kind.AUTH_INVALID, "amoCRM: the long-lived token was refused; issue a new one");
        }
        lock.lock();
        try {
            TokenPair pair = ready();
            if (!pair.accessToken().equals(rejected)) {
                return pair.accessToken();
            }
            return refresh(pair).accessToken();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: the pair in memory, stored; else the vault's; else the configured credential's first pair. */
    private TokenPair ready() throws CrmException {
        TokenPair pair = current;
        if (pair != null) {
            if (unsaved) {
                persist(pair);
            }
            return pair;
        }
        AuthSeed seed = settings.seed();
        Optional<TokenPair> stored;
        try {
            stored = vault.load(instance);
        } catch (TokenVaultException e) {
            if (!e.unreadable()) {
                throw new CrmException(Kind.AUTH_EXPIRED, "amoCRM " + instance + ": " + e.getMessage());
            }
            if (seed.kind() == AuthSeed.Kind.NONE) {
                throw new CrmException(Kind.AUTH_INVALID, "amoCRM " + instance + ": " + e.getMessage());
            }
            LOG.warn("amoCRM {}: {}; using the configured {} instead", instance, e.getMessage(), seed.kind());
            stored = Optional.empty();
        }
        if (stored.isPresent() && (seed.kind() == AuthSeed.Kind.NONE || seed.fingerprint().equals(stored.get().seedFingerprint()))) {
            current = stored.get();
            return current;
        }
        ObjectNode grant = grant();
        switch (seed.kind()) {
            case AUTHORIZATION_CODE -> grant.put("grant_type", "authorization_code").put("code", seed.value());
            case REFRESH_TOKEN -> grant.put("grant_type", "refresh_token").put("refresh_token", seed.value());
            default -> throw new CrmException(Kind.AUTH_INVALID, "amoCRM " + instance
                    + ": not authorised yet; set authorizationCode (or refreshToken) in the configuration");
        }
        TokenPair first = request(grant, seed.fingerprint(), "token exchange");
        LOG.info("amoCRM {}: the configured {} was exchanged for tokens", instance, seed.kind());
        return first;
    }

    /**
     * Refreshes with {@code pair}'s refresh token while holding the vault's lock for the instance, so nodes sharing the
     * database refresh one at a time. Under it, a newer pair in the vault means another node (or a restarted
     * instance) refreshed first and ours is spent: that pair is used instead. A refusal is checked against the vault
     * once more before it is the integration's end ({@code AUTH_INVALID}).
     */
    private TokenPair refresh(TokenPair pair) throws CrmException {
        try {
            return vault.exclusively(instance, () -> refreshExclusively(pair));
        } catch (TokenVaultException e) {
            throw new CrmException(Kind.AUTH_EXPIRED, "amoCRM " + instance + ": " + e.getMessage());
        }
    }

    private TokenPair refreshExclusively(TokenPair pair) throws CrmException {
        Optional<TokenPair> newer = newerInVault(pair);
        if (newer.isPresent()) {
            adopt(newer.get());
            if (!due(newer.get())) {
                return newer.get();
            }
            pair = newer.get();
        }
        ObjectNode grant = grant().put("grant_type", "refresh_token").put("refresh_token", pair.refreshToken());
        TokenPair next;
        try {
            next = request(grant, pair.seedFingerprint(), "token refresh");
        } catch (CrmException e) {
            if (e.kind() != Kind.AUTH_INVALID) {
                throw e;
            }
            Optional<TokenPair> winner = newerInVault(pair);
            if (winner.isEmpty()) {
                throw e;
            }
            LOG.info("amoCRM {}: another node refreshed the tokens first; going on with its pair", instance);
            adopt(winner.get());
            return winner.get();
        }
        LOG.debug("amoCRM {}: access token refreshed, valid until {}", instance, next.expiresAt());
        return next;
    }

    /** The vault's pair when its refresh token is not {@code pair}'s; empty when it is, or the vault cannot say. */
    private Optional<TokenPair> newerInVault(TokenPair pair) {
        try {
            return vault.load(instance).filter(stored -> !stored.refreshToken().equals(pair.refreshToken()));
        } catch (TokenVaultException e) {
            return Optional.empty(); // the token endpoint decides
        }
    }

    private void adopt(TokenPair stored) {
        current = stored;
        unsaved = false;
    }

    /** Asks the token endpoint; the answered pair is kept and stored before it is returned for use. */
    private TokenPair request(ObjectNode grant, String seedFingerprint, String operation) throws CrmException {
        AmoCrmSettings now = settings;
        Http.Answer answer;
        try {
            answer = http.exchange("POST", now.endpoint("/oauth2/access_token"), null, grant, now.timeout(), operation);
        } catch (CrmException e) {
            throw new CrmException(Kind.AUTH_EXPIRED, e.getMessage());
        }
        if (!answer.success()) {
            CrmException failure = Failures.of(operation, answer.status(), answer.body(), answer.retryAfter());
            if (answer.status() == 400 || answer.status() == 401) {
                throw new CrmException(Kind.AUTH_INVALID, failure.getMessage()
                        + ": the integration must be authorised again (a new authorizationCode)");
            }
            throw failure.kind() == Kind.TRANSIENT ? new CrmException(Kind.AUTH_EXPIRED, failure.getMessage()) : failure;
        }
        TokenPair pair = pair(answer.body(), seedFingerprint, operation);
        current = pair;
        unsaved = true;
        persist(pair);
        return pair;
    }

    private void persist(TokenPair pair) throws CrmException {
        try {
            vault.store(instance, pair);
            unsaved = false;
        } catch (TokenVaultException e) {
            LOG.error("amoCRM {}: new tokens could not be stored, kept in memory until they are: {}", instance, e.getMessage());
            throw new CrmException(Kind.TRANSIENT, "amoCRM " + instance + ": the new tokens could not be stored");
        }
    }

    private TokenPair pair(JsonNode body, String seedFingerprint, String operation) throws CrmException {
        if (body == null || body.path("access_token").asText("").isBlank() || body.path("refresh_token").asText("").isBlank()) {
            throw new CrmException(Kind.UNKNOWN, "amoCRM " + operation + ": the answer holds no token pair");
        }
        long lifetime = body.path("expires_in").asLong(86_400);
        Instant expiresAt = clock.instant().plusSeconds(Math.max(lifetime, 0));
        return new TokenPair(body.get("access_token").asText(), body.get("refresh_token").asText(), expiresAt, seedFingerprint);
    }

    private ObjectNode grant() {
        AmoCrmSettings now = settings;
        return Http.MAPPER.createObjectNode().put("client_id", now.clientId()).put("client_secret", now.clientSecret())
                .put("redirect_uri", now.redirectUri());
    }

    private boolean due(TokenPair pair) {
        return !clock.instant().plus(AHEAD).isBefore(pair.expiresAt());
    }
}
