package org.seamline.crm.sync.internal;

import jakarta.servlet.Servlet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmWebhooks;
import org.seamline.api.customer.CustomerContext;
import org.seamline.api.store.PluginTables;
import org.seamline.camel.PluginCamelContext;
import org.seamline.context.Conversations;
import org.seamline.crm.sync.ConnectorState;
import org.seamline.crm.sync.CrmSync;
import org.seamline.crm.sync.CrmTask;
import org.seamline.store.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every enabled CRM connector in step with the customer context: plans work from the change feed, gives each
 * connector a worker with its own CamelContext, and serves the notification URL of connectors that take webhooks.
 * Connectors come and go with their plugins and configurations; their planned work stays in the store meanwhile.
 */
@Component(service = CrmSync.class, immediate = true, configurationPid = CrmSyncService.PID)
@Designate(ocd = CrmSyncConfiguration.class)
public class CrmSyncService implements CrmSync {

    static final String PID = "org.seamline.crm.sync";
    private static final Logger LOG = LoggerFactory.getLogger(CrmSyncService.class);

    private final BundleContext bundleContext;
    private final CustomerContext customers;
    private final Conversations conversations;
    private final CrmSyncConfiguration config;
    private final TaskStore store;
    private final PluginCamelContext feed;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /** A connector at work: its worker, CamelContext and, for webhooks, its servlet. */
    private record Running(ConnectorWorker worker, PluginCamelContext camel, ServiceRegistration<Servlet> webhook) {
        void stop() {
            if (webhook != null) {
                webhook.unregister();
            }
            camel.close();
        }
    }

    @Activate
    public CrmSyncService(BundleContext bundleContext, @Reference PluginTables tables, @Reference CustomerContext customers,
                          @Reference Conversations conversations, CrmSyncConfiguration config) throws SQLException {
        this.bundleContext = bundleContext;
        this.customers = customers;
        this.conversations = conversations;
        this.config = config;
        this.store = new TaskStore(tables.migrate("crm.sync", CrmSyncService.class.getClassLoader(), "org/seamline/crm/sync/migration"));
        this.feed = PluginCamelContext.start(bundleContext, "crm-sync-feed",
                new FeedRoute(new Planner(store, () -> new ArrayList<>(running.keySet()))));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addConnector(CrmConnector connector) {
        String key = TaskRunner.key(connector);
        ConnectorWorker worker = new ConnectorWorker(connector, new TaskRunner(connector, store, customers, conversations),
                store, new Backoff(Duration.ofSeconds(config.maxBackoffSeconds())), config.maxAttempts());
        PluginCamelContext camel = PluginCamelContext.start(bundleContext, "crm-" + key.replace('/', '-'),
                new WorkerRoutes(worker, config.batchSize(), config.roundMillis()));
        ServiceRegistration<Servlet> webhook = connector instanceof CrmWebhooks webhooks
                ? bundleContext.registerService(Servlet.class, new WebhookServlet(webhooks, key, store, config.webhookMaxBytes()),
                        webhookProperties(key)) : null;
        Running previous = running.put(key, new Running(worker, camel, webhook));
        if (previous != null) {
            previous.stop();
        }
        LOG.info("CRM {} is synchronised{}", key, webhook == null ? "" : "; notifications at /hooks/crm/" + key);
    }

    void removeConnector(CrmConnector connector) {
        String key = TaskRunner.key(connector);
        Running stopped = running.get(key);
        if (stopped != null && stopped.worker().connector() == connector && running.remove(key, stopped)) {
            stopped.stop();
            LOG.info("CRM {} is no longer synchronised; its planned work waits in the store", key);
        }
    }

    @Deactivate
    void deactivate() {
        feed.close();
        running.values().forEach(Running::stop);
        running.clear();
    }

    private static Hashtable<String, Object> webhookProperties(String key) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, "/hooks/crm/" + key + "/*");
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "seamline-crm-" + key.replace('/', '-'));
        return properties;
    }

    @Override
    public List<ConnectorState> connectors() throws SQLException {
        List<ConnectorState> states = new ArrayList<>();
        for (Running one : running.values()) {
            CrmConnector connector = one.worker().connector();
            String key = one.worker().key();
            states.add(new ConnectorState(connector.crm(), connector.instance(), connector.health(),
                    store.count(key, TaskStore.DUE), store.count(key, TaskStore.FAILED), one.worker().pausedUntil()));
        }
        return states;
    }

    @Override
    public Page<CrmTask> failed(int offset, int limit) throws SQLException {
        return store.failed(offset, limit);
    }

    @Override
    public boolean retry(String taskId, String actor) throws SQLException {
        boolean retried = store.settle(taskId, TaskStore.DUE);
        if (retried) {
            LOG.info("CRM task {} queued again by {}", taskId, actor);
        }
        return retried;
    }

    @Override
    public boolean discard(String taskId, String actor) throws SQLException {
        boolean discarded = store.settle(taskId, TaskStore.DISCARDED);
        if (discarded) {
            LOG.info("CRM task {} discarded by {}", taskId, actor);
        }
        return discarded;
    }
}
