package org.seamline.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.seamline.api.message.Attachment;

/** Reading and erasing stored attachments (channels store them through the API's {@code AttachmentStore}). */
@ProviderType
public interface Attachments {

    Optional<StoredFile> file(String id) throws SQLException;

    /** A stored file as a message carries it (URL, type, name, size), without reading its bytes. */
    Optional<Attachment> describe(String id) throws SQLException;

    /**
     * Deletes those of these attachments that no stored message (inbound or outbound) nor interaction event (a call's
     * recording) refers to any more, in the caller's transaction; answers how many went. The same file sent to two
     * customers is stored once: erasing one of them must leave it to the other.
     */
    int deleteUnreferenced(Connection connection, List<String> ids) throws SQLException;
}
