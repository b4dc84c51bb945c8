package org.seamline.crm.amocrm;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.seamline.api.crm.Activity;
import org.seamline.api.crm.ContactDraft;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmChangePolling;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmContact;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmWebhooks;
import org.seamline.api.health.Health;

/**
 * One amoCRM / Kommo account. Every method is one or a few bounded HTTP calls; pacing, retries and backoff are the
 * platform's, driven by {@link #requestsPerSecond()} and the {@link CrmException} kinds. Settings can be replaced
 * while it serves: each call reads them once. The tokens outlive a settings change (one {@link AccessTokens} per
 * instance), so a refresh is never made twice.
 */
public final class AmoCrmConnector implements CrmConnector, CrmChangePolling, CrmWebhooks {

    public static final String CRM_NAME = "amocrm";

    private final String instance;
    private final Clock clock;
    private final Http http = new Http();
    private final CallHealth health = new CallHealth();
    private final AccessTokens tokens;
    private final AtomicReference<State> state = new AtomicReference<>();

    /** What one settings version builds. */
    private record State(AmoCrmSettings settings, Contacts contacts, Notes notes, ChangeFeed feed,
                         WebhookReceiver webhooks) {
    }

    AmoCrmConnector(String instance, AmoCrmSettings settings, TokenVault vault, Clock clock) {
        this.instance = instance;
        this.clock = clock;
        this.tokens = new AccessTokens(instance, settings, vault, http, clock);
        build(settings);
    }

    /**
     * Gets the first token pair now, when the configuration has a code to exchange: codes expire 20 minutes after
     * they were issued, so this cannot wait for the first task. A stored pair is only read.
     */
    void authorise() throws CrmException {
        try {
            tokens.token();
        } catch (CrmException e) {
            health.failed(e);
            throw e;
        }
    }

    void reconfigure(AmoCrmSettings settings) {
        tokens.reconfigure(settings);
        build(settings);
    }

    private void build(AmoCrmSettings settings) {
        ApiClient api = new ApiClient(http, settings, tokens, health);
        Phones phones = new Phones(settings.defaultRegion());
        ContactMapping mapping = new ContactMapping(phones, new Directory(api, clock), settings.segmentField());
        Contacts contacts = new Contacts(api, phones, mapping);
        state.set(new State(settings, contacts, new Notes(api, contacts), new ChangeFeed(api),
                new WebhookReceiver(settings.webhookSecret(), settings.subdomain())));
    }

    @Override
    public String crm() {
        return CRM_NAME;
    }

    @Override
    public String instance() {
        return instance;
    }

    @Override
    public Health health() {
        return health.current();
    }

    @Override
    public double requestsPerSecond() {
        return state.get().settings().requestsPerSecond();
    }

    @Override
    public List<CrmContact> findByEmail(String email) throws CrmException {
        return state.get().contacts().byEmail(email);
    }

    @Override
    public List<CrmContact> findByPhone(String e164) throws CrmException {
        return state.get().contacts().byPhone(e164);
    }

    @Override
    public Optional<CrmContact> profile(String contactId) throws CrmException {
        return state.get().contacts().profile(contactId);
    }

    @Override
    public CrmContact upsert(ContactDraft draft) throws CrmException {
        return state.get().contacts().upsert(draft);
    }

    @Override
    public String log(Activity activity) throws CrmException {
        return state.get().notes().log(activity);
    }

    /** Polling off (0) still answers an interval: the platform asks rarely, and webhooks carry the changes. */
    @Override
    public Duration pollInterval() {
        Duration interval = state.get().settings().pollInterval();
        return interval.isZero() ? Duration.ofHours(1) : interval;
    }

    @Override
    public Page changesSince(String cursor, int limit) throws CrmException {
        return state.get().feed().since(cursor, limit);
    }

    @Override
    public List<CrmChange> receive(Request request) throws CrmException {
        return state.get().webhooks().receive(request);
    }

    @Override
    public String toString() {
        return "AmoCrmConnector[" + instance + ", " + state.get().settings() + "]";
    }
}
