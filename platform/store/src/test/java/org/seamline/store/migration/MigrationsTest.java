package org.seamline.store.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void splitsStatementsAtLineEndSemicolonsAndSkipsComments() {
        Migrations.Script script = Migrations.Script.parse("V2__two.sql",
                "-- a comment\nCREATE TABLE a (x INT);\n\nCREATE INDEX i ON a\n  (x);\n");

        assertEquals(2, script.version());
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE INDEX i ON a\n  (x)"), script.statements());
    }

    @Test
    void refusesBadNamesAndUnterminatedStatements() {
        assertThrows(IllegalStateException.class, () -> Migrations.Script.parse("two.sql", "SELECT 1;"));
        assertThrows(IllegalStateException.class, () -> Migrations.Script.parse("V3__x.sql", "SELECT 1"));
    }

    @Test
    void theShippedIndexListsReadableScripts() {
        List<Migrations.Script> scripts = new Migrations(getClass().getClassLoader(), "org/seamline/store/migration").scripts();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14), scripts.stream().map(Migrations.Script::version).toList());
    }
}
