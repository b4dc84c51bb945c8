package org.seamline.crm.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
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
 * One HubSpot account. Every method is one or a few bounded HTTP calls; pacing, retries and backoff are the
 * platform's, driven by {@link #requestsPerSecond()} and the {@link CrmException} kinds. Settings can be replaced
 * while it serves: each call reads them once.
 */
public final class HubSpotConnector implements CrmConnector, CrmChangePolling, CrmWebhooks {

    public static final String CRM_NAME = "hubspot";

    private final String instance;
    private final AtomicReference<State> state = new AtomicReference<>();
    private final CallHealth health = new CallHealth();
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock;

    /** What one settings version builds. */
    private record State(HubSpotSettings settings, Contacts contacts, Engagements engagements, ChangeFeed feed,
                         ChangeNotifications notifications) {
    }

    HubSpotConnector(String instance, HubSpotSettings settings, Clock clock) {
        this.instance = instance;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        reconfigure(settings);
    }

    void reconfigure(HubSpotSettings settings) {
        ApiClient api = new ApiClient(http, mapper, settings, health, clock);
        Phones phones = new Phones(settings.defaultRegion());
        ContactMapping mapping = new ContactMapping(api, phones, new Owners(api, clock), settings.segmentProperty(),
                settings.tagsProperty());
        state.set(new State(settings, new Contacts(api, phones, mapping),
                new Engagements(api, settings.interactionIdProperty()), new ChangeFeed(api),
                new ChangeNotifications(settings.clientSecret(), settings.webhookUrl(), mapper, clock)));
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
        return state.get().engagements().log(activity);
    }

    @Override
    public Duration pollInterval() {
        return state.get().settings().pollInterval();
    }

    @Override
    public Page changesSince(String cursor, int limit) throws CrmException {
        return state.get().feed().changesSince(cursor, limit);
    }

    @Override
    public List<CrmChange> receive(Request request) throws CrmException {
        return state.get().notifications().receive(request);
    }

    @Override
    public String toString() {
        return "HubSpotConnector[" + instance + ", " + state.get().settings() + "]";
    }
}
