package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.context.ServiceFigures;
import org.seamline.context.ServiceSnapshot;
import org.seamline.context.ServiceSnapshot.MinuteCount;
import org.seamline.store.Database;

/**
 * {@link ServiceFigures} from the timeline, the conversations and the outbox. Counting happens in the database
 * (grouped per minute there), so a busy hour costs an index range scan, not a row per message to this process.
 */
@Component(service = ServiceFigures.class)
public class ServiceFiguresService implements ServiceFigures {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final Database database;
    private final Clock clock;

    @Activate
    public ServiceFiguresService(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    ServiceFiguresService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public ServiceSnapshot snapshot(ZoneId zone) throws SQLException {
        Instant now = clock.instant();
        OffsetDateTime windowStart = now.minus(WINDOW).truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC);
        OffsetDateTime midnight = now.atZone(zone).truncatedTo(ChronoUnit.DAYS).toOffsetDateTime();
        return database.read(c -> {
            List<Duration> firstResponses = firstResponses(c, midnight);
            return new ServiceSnapshot(now, perMinute(c, windowStart), count(c,
                    "SELECT COUNT(*) FROM outbox_message WHERE status = 'FAILED' AND created_at >= ?", midnight),
                    count(c, "SELECT COUNT(*) FROM conversation WHERE status IN ('OPEN', 'PENDING') AND merged_into IS NULL"),
                    count(c, "SELECT COUNT(*) FROM conversation WHERE status IN ('OPEN', 'PENDING') AND assignee IS NULL"
                            + " AND merged_into IS NULL"),
                    firstResponses.size(), median(firstResponses));
        });
    }

    private static List<MinuteCount> perMinute(Connection c, OffsetDateTime since) throws SQLException {
        List<MinuteCount> counts = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT bucket, channel, direction, COUNT(*) FROM ("
                + "SELECT CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at) / 60) AS BIGINT) AS bucket, channel, direction"
                + " FROM timeline_entry WHERE occurred_at >= ?"
                + " AND ((kind IN ('message', 'call') AND direction = 'in') OR (kind = 'message' AND direction = 'out'))"
                + ") recent GROUP BY bucket, channel, direction ORDER BY bucket, channel, direction")) {
            select.setObject(1, since);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.add(new MinuteCount(Instant.ofEpochSecond(rows.getLong(1) * 60), rows.getString(2),
                            rows.getString(3), rows.getLong(4)));
                }
            }
        }
        return counts;
    }

    /** Opening to first reply, for each conversation opened since {@code midnight} that has one. */
    private static List<Duration> firstResponses(Connection c, OffsetDateTime midnight) throws SQLException {
        List<Duration> durations = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT c.opened_at, MIN(t.occurred_at) FROM conversation c"
                + " JOIN timeline_entry t ON t.conversation_id = c.id AND t.kind = 'message' AND t.direction = 'out'"
                + " WHERE c.opened_at >= ? GROUP BY c.id, c.opened_at")) {
            select.setObject(1, midnight);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Duration d = Duration.between(rows.getObject(1, OffsetDateTime.class), rows.getObject(2, OffsetDateTime.class));
                    durations.add(d.isNegative() ? Duration.ZERO : d);
                }
            }
        }
        return durations;
    }

    private static long count(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
