package org.seamline.store.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void splitsStatementsAtLineEndSemicolonsAndSkipsComments() {
        Migrations.Script script = Migrations.Script.parse("V2__two.sql",
                "-- a comment\nCREATE TABLE a (x INT);\n\nCREATE INDEX i ON a\n  (x);\n");

        assertEquals(2, script.version());
        assertEquals(List.of(new Migrations.Step("CREATE TABLE a (x INT)", null), new Migrations.Step("CREATE INDEX i ON a\n  (x)", null)),
                script.steps());
    }

    @Test
    void aStatementMarkedForOneDatabaseRunsOnThatOneOnly() {
        Migrations.Script script = Migrations.Script.parse("V3__three.sql",
                "-- why\n-- only on PostgreSQL\nALTER TABLE a\n  ALTER COLUMN x TYPE TEXT COLLATE \"C\";\nCREATE INDEX i ON a (x);\n");

        List<Migrations.Step> steps = script.steps();
        assertEquals(2, steps.size());
        assertTrue(steps.get(0).runsOn("PostgreSQL"));
        assertFalse(steps.get(0).runsOn("H2"), "the marked statement is PostgreSQL's");
        assertTrue(steps.get(1).runsOn("H2"), "the mark covers one statement");
        assertTrue(steps.get(1).runsOn("PostgreSQL"));
    }

    @Test
    void refusesBadNamesAndUnterminatedStatements() {
        assertThrows(IllegalStateException.class, () -> Migrations.Script.parse("two.sql", "SELECT 1;"));
        assertThrows(IllegalStateException.class, () -> Migrations.Script.parse("V3__x.sql", "SELECT 1"));
    }

    @Test
    void theShippedIndexListsReadableScripts() {
        List<Migrations.Script> scripts = new Migrations(getClass().getClassLoader(), "org/seamline/store/migration").scripts();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27), scripts.stream().map(Migrations.Script::version).toList());
    }
}
