package org.seamline.context.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.ingress.InteractionEvents;
import org.seamline.api.message.Attachment;
import org.seamline.store.Database;

/** {@link InteractionEvents}: an event appended to the inbox interaction its channel accepted under a provider id. */
@Component(service = InteractionEvents.class)
public class InteractionEventsService implements InteractionEvents {

    /** Details are what an agent reads about one step: a transcript fits many times over. */
    static final int MAX_DETAIL_LENGTH = 8_000;

    private final Database database;
    private final InteractionEventStore events = new InteractionEventStore();

    @Activate
    public InteractionEventsService(@Reference Database database) {
        this.database = database;
    }

    @Override
    public boolean record(String channel, String instance, String providerMessageId, String eventKey, String kind,
                          Map<String, String> details, List<Attachment> attachments) throws IngressUnavailableException {
        required(channel, "channel", Integer.MAX_VALUE);
        required(instance, "instance", Integer.MAX_VALUE);
        required(providerMessageId, "provider message id", Integer.MAX_VALUE);
        required(eventKey, "event key", MAX_KEY_LENGTH);
        required(kind, "event kind", MAX_KIND_LENGTH);
        Map<String, String> checkedDetails = details == null ? Map.of() : details;
        checkedDetails.forEach((name, value) -> {
            required(name, "detail name", MAX_KIND_LENGTH);
            if (value == null || value.length() > MAX_DETAIL_LENGTH) {
                // The name is ours, the value may be personal data: only the name is said.
                throw new IllegalArgumentException("detail " + name + " is missing or longer than " + MAX_DETAIL_LENGTH
                        + " characters");
            }
        });
        List<Attachment> files = attachments == null ? List.of() : attachments;
        try {
            return database.inTransaction(c -> {
                Optional<String> interaction = events.interaction(c, channel, instance, providerMessageId);
                if (interaction.isPresent()) {
                    events.append(c, database.dialect(), interaction.get(), eventKey, kind, checkedDetails, files);
                }
                return interaction.isPresent();
            });
        } catch (SQLException e) {
            throw new IngressUnavailableException("the interaction event was not stored", e);
        }
    }

    private static void required(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(what + " is longer than " + maxLength + " characters");
        }
    }
}
