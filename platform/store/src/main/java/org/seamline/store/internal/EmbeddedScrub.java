package org.seamline.store.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Takes erased rows out of the embedded store's data file. H2 keeps earlier versions of changed pages in its file
 * until the file is rewritten, and only a closed database can be rewritten ({@code SHUTDOWN COMPACT} copies the live
 * rows into a new file). So an erasure leaves a marker beside the database; the store rewrites the file when it closes
 * and, when a crash came first, when it starts next, before anything reads it.
 */
final class EmbeddedScrub {

    private final Path marker;
    private final DataSource direct;

    private EmbeddedScrub(Path marker, DataSource direct) {
        this.marker = marker;
        this.direct = direct;
    }

    /** For an H2 file URL ({@code jdbc:h2:file:<path>;…}); empty for any other store. */
    static Optional<EmbeddedScrub> of(String url, String user, String password) {
        String prefix = "jdbc:h2:file:";
        if (url == null || !url.startsWith(prefix)) {
            return Optional.empty();
        }
        String file = url.substring(prefix.length()).replaceAll(";.*", "");
        return Optional.of(new EmbeddedScrub(Path.of(file + ".erased"),
                DataSources.driverDataSource(url, user, password)));
    }

    /** An erasure is about to commit: the file owes a rewrite. Written to disk before it returns. */
    void owe() throws SQLException {
        try {
            Files.createDirectories(marker.getParent());
            try (FileChannel file = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                file.force(true);
            }
        } catch (IOException e) {
            throw new SQLException("the erasure cannot be recorded for the data file's rewrite", e);
        }
    }

    boolean owed() {
        return Files.exists(marker);
    }

    /**
     * Rewrites the file if an erasure owes it; the database must be closed (no pool open on it). The marker goes only
     * once the rewrite is done, so a crash during it repeats it at the next start.
     */
    void settle() throws SQLException {
        if (!owed()) {
            return;
        }
        try (Connection connection = direct.getConnection(); Statement shutdown = connection.createStatement()) {
            shutdown.execute("SHUTDOWN COMPACT");
        }
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new SQLException("the data file was rewritten, but its marker stays: it is rewritten again next time", e);
        }
    }
}
