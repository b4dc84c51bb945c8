package org.seamline.store.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.seamline.store.internal.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the numbered SQL scripts listed in {@code <folder>/index} once each, in order, and refuses to start when
 * an applied script has changed since. The same scripts run on H2 and PostgreSQL, so they use the SQL both share;
 * a statement only one of them needs is marked for it (see {@link Script}).
 *
 * <p>The platform's own scripts are recorded in {@code schema_version}; a plugin's ({@link #forOwner}) in
 * {@code plugin_schema_version} under its owner name, so owners number their scripts independently. Every run holds
 * {@link MigrationLock} from its first statement to its last: nodes starting together apply each script once.
 *
 * <p>A small runner of our own: Flyway 10+ finds its database support through ServiceLoader plugins split over
 * several jars, which needs more OSGi plumbing than this small runner.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String INDEX = "index";
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final ClassLoader loader;
    private final String folder;
    /** Null for the platform's own scripts. */
    private final String owner;

    /** The platform's own scripts. */
    public Migrations(ClassLoader loader, String folder) {
        this(loader, folder, null);
    }

    private Migrations(ClassLoader loader, String folder, String owner) {
        this.loader = loader;
        this.folder = folder.endsWith("/") ? folder : folder + "/";
        this.owner = owner;
    }

    /**
     * A plugin's scripts, recorded under {@code owner} (1-64 letters, digits, {@code . _ -}); the platform's
     * migrations must have run first, as they create {@code plugin_schema_version}.
     */
    public static Migrations forOwner(String owner, ClassLoader loader, String folder) {
        if (owner == null || !OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("owner must be 1-64 letters, digits, '.', '_' or '-'");
        }
        return new Migrations(loader, folder, owner);
    }

    /** Applies pending scripts; answers how many ran. */
    public int migrate(DataSource dataSource) throws SQLException {
        List<Script> scripts = scripts();
        try (Connection connection = dataSource.getConnection();
             MigrationLock lock = MigrationLock.take(connection)) {
            connection.setAutoCommit(false);
            if (owner == null) {
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                            + "name VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                }
                connection.commit();
            }
            Map<Integer, String> applied = applied(connection);
            connection.commit();
            int ran = 0;
            for (Script script : scripts) {
                String checksum = applied.get(script.version());
                if (checksum != null) {
                    if (!checksum.equals(script.checksum())) {
                        throw new SQLException("Migration " + described(script) + " changed after it was applied");
                    }
                    continue;
                }
                apply(connection, script);
                ran++;
            }
            return ran;
        }
    }

    private String described(Script script) {
        return owner == null ? script.name() : owner + "/" + script.name();
    }

    private void apply(Connection connection, Script script) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        try (Statement statement = connection.createStatement()) {
            for (Step step : script.steps()) {
                if (step.runsOn(product)) {
                    statement.execute(step.sql());
                }
            }
            try (PreparedStatement record = connection.prepareStatement(owner == null
                    ? "INSERT INTO schema_version (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)"
                    : "INSERT INTO plugin_schema_version (version, name, checksum, applied_at, owner) VALUES (?, ?, ?, ?, ?)")) {
                record.setInt(1, script.version());
                record.setString(2, script.name());
                record.setString(3, script.checksum());
                record.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                if (owner != null) {
                    record.setString(5, owner);
                }
                record.executeUpdate();
            }
            connection.commit();
            LOG.info("Applied migration {}", described(script));
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("Migration " + described(script) + " failed: " + e.getMessage(), e);
        }
    }

    private Map<Integer, String> applied(Connection connection) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(owner == null
                ? "SELECT version, checksum FROM schema_version"
                : "SELECT version, checksum FROM plugin_schema_version WHERE owner = ?")) {
            if (owner != null) {
                query.setString(1, owner);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    applied.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        return applied;
    }

    List<Script> scripts() {
        List<Script> scripts = new ArrayList<>();
        for (String name : read(INDEX).split("\\R")) {
            if (!name.isBlank() && !name.startsWith("#")) {
                scripts.add(Script.parse(name.strip(), read(name.strip())));
            }
        }
        return scripts;
    }

    private String read(String name) {
        try (InputStream in = loader.getResourceAsStream(folder + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration resource " + folder + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read migration resource " + folder + name, e);
        }
    }

    /**
     * A numbered script. Its statements end with a semicolon at the end of a line; a statement after the comment
     * line {@code -- only on PostgreSQL} (any database's product name) runs on that database only, for what the two
     * databases spell differently or only one of them has.
     */
    record Script(int version, String name, String checksum, List<Step> steps) {

        private static final String ONLY_ON = "-- only on ";

        /** {@code V<n>__<what>.sql}. */
        static Script parse(String name, String sql) {
            if (!name.matches("V\\d+__\\w+\\.sql")) {
                throw new IllegalStateException("Migration name must look like V1__what.sql: " + name);
            }
            int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
            List<Step> steps = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            String onlyOn = null;
            for (String line : sql.split("\\R")) {
                String trimmed = line.strip();
                if (trimmed.startsWith(ONLY_ON) && current.isEmpty()) {
                    onlyOn = trimmed.substring(ONLY_ON.length()).strip();
                }
                if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    String statement = current.toString().strip();
                    steps.add(new Step(statement.substring(0, statement.length() - 1), onlyOn));
                    current.setLength(0);
                    onlyOn = null;
                }
            }
            if (!current.toString().isBlank()) {
                throw new IllegalStateException("Migration " + name + " ends without a semicolon");
            }
            return new Script(version, name, Sha256.hex(sql), List.copyOf(steps));
        }

    }

    /** One statement of a script; {@code onlyOn} null when it runs on every database. */
    record Step(String sql, String onlyOn) {

        boolean runsOn(String product) {
            return onlyOn == null || onlyOn.equalsIgnoreCase(product);
        }
    }
}
