package org.seamline.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Attachment;
import org.seamline.store.Attachments;
import org.seamline.store.Database;
import org.seamline.store.SqlLists;
import org.seamline.store.StoredFile;

/** Attachments in the platform database, keyed so that storing the same file twice stores it once. */
@Component(service = {AttachmentStore.class, Attachments.class})
public class JdbcAttachmentStore implements AttachmentStore, Attachments {

    /** A condition on an attachment row: no row of the table names its URL in the column. */
    private static final String NOT_REFERENCED_BY = " AND NOT EXISTS (SELECT 1 FROM %s m WHERE m.%s LIKE CONCAT('%%"
            + URL_PREFIX + "', attachment.id, '%%'))";

    private final Database database;

    @Activate
    public JdbcAttachmentStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public Attachment store(String channel, String instance, String name, String contentType, byte[] content)
            throws IngressUnavailableException {
        String safeName = FileNames.sanitise(name);
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream"
                : contentType.strip().length() > 255 ? contentType.strip().substring(0, 255) : contentType.strip();
        String sha256 = Sha256.hex(content);
        try {
            String id = database.inTransaction(c -> existing(c, channel, instance, sha256, safeName)
                    .orElseGet(() -> insert(c, channel, instance, safeName, type, sha256, content)));
            return new Attachment(URL_PREFIX + id, type, safeName, (long) content.length);
        } catch (SQLException | IllegalStateException e) {
            throw new IngressUnavailableException("the attachment was not stored", e);
        }
    }

    private static Optional<String> existing(Connection c, String channel, String instance, String sha256, String name)
            throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM attachment WHERE channel = ? AND instance = ? "
                + "AND sha256 = ? AND name = ?")) {
            q.setString(1, channel);
            q.setString(2, instance);
            q.setString(3, sha256);
            q.setString(4, name);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static String insert(Connection c, String channel, String instance, String name, String type, String sha256,
                                 byte[] content) {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO attachment (id, channel, instance, name, content_type, "
                + "size_bytes, sha256, content, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, channel);
            insert.setString(3, instance);
            insert.setString(4, name);
            insert.setString(5, type);
            insert.setLong(6, content.length);
            insert.setString(7, sha256);
            insert.setBytes(8, content);
            insert.setObject(9, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<byte[]> read(String url) throws IngressUnavailableException {
        Optional<String> id = AttachmentStore.idOf(url);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            return file(id.get()).map(StoredFile::content);
        } catch (SQLException e) {
            throw new IngressUnavailableException("the attachment cannot be read now", e);
        }
    }

    @Override
    public Optional<Attachment> describe(String id) throws SQLException {
        return database.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT name, content_type, size_bytes FROM attachment WHERE id = ?")) {
                q.setString(1, id);
                try (ResultSet r = q.executeQuery()) {
                    return r.next() ? Optional.of(new Attachment(URL_PREFIX + id, r.getString(2), r.getString(1), r.getLong(3)))
                            : Optional.<Attachment>empty();
                }
            }
        });
    }

    @Override
    public Optional<StoredFile> file(String id) throws SQLException {
        return database.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT name, content_type, content FROM attachment WHERE id = ?")) {
                q.setString(1, id);
                try (ResultSet r = q.executeQuery()) {
                    return r.next() ? Optional.of(new StoredFile(id, r.getString(1), r.getString(2), r.getBytes(3)))
                            : Optional.<StoredFile>empty();
                }
            }
        });
    }

    /**
     * Messages refer to a file by its URL inside their JSON payload; erasure is rare enough to look for it there rather
     * than keep a reference table up to date on every message.
     */
    @Override
    public int deleteUnreferenced(Connection connection, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM attachment WHERE id IN ("
                + SqlLists.placeholders(ids.size()) + ")" + NOT_REFERENCED_BY.formatted("inbox_message", "payload")
                + NOT_REFERENCED_BY.formatted("outbox_message", "payload")
                + NOT_REFERENCED_BY.formatted("interaction_event", "attachments"))) {
            SqlLists.bind(delete, 1, ids);
            return delete.executeUpdate();
        }
    }
}
