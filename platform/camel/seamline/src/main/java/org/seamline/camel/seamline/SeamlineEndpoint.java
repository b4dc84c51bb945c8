package org.seamline.camel.seamline;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.seamline.api.feed.Change;

/** One {@code seamline:} URI; its options are checked when the route starts, so a bad URI never runs. */
public class SeamlineEndpoint extends ScheduledPollEndpoint {

    /** The change types {@code seamline:changes?types=} accepts. */
    static final Set<String> CHANGE_TYPES = Set.of(Change.CUSTOMER_CREATED, Change.CUSTOMER_CHANGED,
            Change.CUSTOMER_MERGED, Change.CUSTOMER_UNMERGED, Change.CUSTOMER_ERASED, Change.CONVERSATION_OPENED,
            Change.CONVERSATION_REOPENED, Change.CONVERSATION_CHANGED, Change.MESSAGE_RECEIVED, Change.MESSAGE_QUEUED,
            Change.MESSAGE_STATUS, Change.NOTE_ADDED);
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.-]{0,99}";

    private final Operation operation;
    private String channel;
    private String instance;
    private String reader;
    private String types;
    private int batch = 100;

    SeamlineEndpoint(String uri, SeamlineComponent component, Operation operation) {
        super(uri, component);
        this.operation = operation;
    }

    void validate() {
        switch (operation) {
            case INGRESS -> {
                requireName("channel", channel);
                requireName("instance", instance);
            }
            case CHANGES -> {
                requireName("reader", reader);
                if (batch < 1 || batch > 1000) {
                    throw new IllegalArgumentException("seamline:changes batch must be 1-1000, not " + batch);
                }
                Set<String> unknown = typeSet();
                unknown.removeAll(CHANGE_TYPES);
                if (!unknown.isEmpty()) {
                    throw new IllegalArgumentException("seamline:changes types " + unknown + " are unknown; known: "
                            + CHANGE_TYPES.stream().sorted().collect(Collectors.joining(", ")));
                }
            }
            default -> { }
        }
    }

    private static void requireName(String option, String value) {
        if (value == null || !value.matches(NAME)) {
            throw new IllegalArgumentException("option " + option + " is required: 1-100 letters, digits, . _ -");
        }
    }

    /** The types to deliver; empty means all. */
    Set<String> typeSet() {
        if (types == null || types.isBlank()) {
            return new LinkedHashSet<>();
        }
        return Arrays.stream(types.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public Producer createProducer() {
        return switch (operation) {
            case INGRESS -> new IngressProducer(this);
            case CUSTOMER -> new CustomerProducer(this);
            case REPLY -> new ReplyProducer(this);
            case CHANGES -> throw new IllegalArgumentException("seamline:changes can only start a route (from:)");
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != Operation.CHANGES) {
            throw new IllegalArgumentException("only seamline:changes can start a route; seamline:"
                    + operation.name().toLowerCase(java.util.Locale.ROOT) + " is sent to (to:)");
        }
        ChangesConsumer consumer = new ChangesConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public SeamlineComponent getComponent() {
        return (SeamlineComponent) super.getComponent();
    }

    PlatformServices services() {
        return getComponent().services();
    }

    /** What {@code seamline:customer} records as the attributes' source: the route file's CamelContext. */
    String source() {
        return "route:" + getCamelContext().getName();
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getInstance() {
        return instance;
    }

    public void setInstance(String instance) {
        this.instance = instance;
    }

    public String getReader() {
        return reader;
    }

    public void setReader(String reader) {
        this.reader = reader;
    }

    public String getTypes() {
        return types;
    }

    public void setTypes(String types) {
        this.types = types;
    }

    public int getBatch() {
        return batch;
    }

    public void setBatch(int batch) {
        this.batch = batch;
    }
}
