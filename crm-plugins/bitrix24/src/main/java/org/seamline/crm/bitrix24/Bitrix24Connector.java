package org.seamline.crm.bitrix24;

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
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmContact;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmWebhooks;
import org.seamline.api.health.Health;

/**
 * One Bitrix24 portal through its inbound webhook. Every method is one or a few bounded HTTP calls; pacing, retries
 * and backoff are the platform's, driven by {@link #requestsPerSecond()} and the {@link CrmException} kinds.
 * Settings can be replaced while it serves: each call reads them once.
 */
public final class Bitrix24Connector implements CrmConnector, CrmWebhooks {

    public static final String CRM_NAME = "bitrix24";

    private final String instance;
    private final AtomicReference<State> state = new AtomicReference<>();
    private final CallHealth health = new CallHealth();
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock;

    /** What one settings version builds. */
    private record State(Bitrix24Settings settings, Contacts contacts, Timeline timeline,
                         ChangeNotifications notifications) {
    }

    Bitrix24Connector(String instance, Bitrix24Settings settings, Clock clock) {
        this.instance = instance;
        this.clock = clock;
        // One connection pool per instance; the timeout of each call comes from the settings of the moment.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        reconfigure(settings);
    }

    void reconfigure(Bitrix24Settings settings) {
        RestClient rest = new RestClient(http, mapper, settings, health, clock);
        Phones phones = new Phones(settings.defaultRegion());
        ContactMapping mapping = new ContactMapping(phones, settings.segmentField(), settings.tagsField());
        state.set(new State(settings, new Contacts(rest, phones, mapping), new Timeline(rest),
                new ChangeNotifications(settings.applicationToken())));
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
        return state.get().timeline().log(activity);
    }

    @Override
    public List<CrmChange> receive(Request request) throws CrmException {
        return state.get().notifications().receive(request);
    }

    @Override
    public String toString() {
        return "Bitrix24Connector[" + instance + ", " + state.get().settings() + "]";
    }
}
