package dk.sosi.sts.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void parseWhenScriptHasCommentsAndMultiLineStatementsThenSplitsOnSemicolonsAtLineEnds() {
        SqlScript script = SqlScript.parse("V7__two_tables.sql", """
                -- a comment; that ends like a statement;
                CREATE TABLE a (
                    x INT -- not a comment line, kept
                );

                CREATE TABLE b (y VARCHAR(10) DEFAULT 'p;q');
                """);

        assertEquals(7, script.version());
        assertEquals("two_tables", script.description());
        assertEquals(List.of("CREATE TABLE a (\n    x INT -- not a comment line, kept\n)",
                "CREATE TABLE b (y VARCHAR(10) DEFAULT 'p;q')"), script.statements());
    }

    @Test
    void parseWhenOnlyLineEndingsDifferThenChecksumIsTheSame() {
        String unix = "CREATE TABLE a (x INT);\nCREATE TABLE b (y INT);\n";

        assertEquals(SqlScript.parse("V1__a.sql", unix).checksum(),
                SqlScript.parse("V1__a.sql", unix.replace("\n", "\r\n")).checksum());
        assertNotEquals(SqlScript.parse("V1__a.sql", unix).checksum(),
                SqlScript.parse("V1__a.sql", unix.replace("INT", "BIGINT")).checksum());
    }

    @Test
    void parseWhenLastStatementLacksSemicolonThenRefuses() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SqlScript.parse("V1__a.sql", "CREATE TABLE a (x INT);\nCREATE TABLE b (y INT)\n"));

        assertEquals("Migration script V1__a.sql ends with a statement that is not terminated by ';': "
                + "CREATE TABLE b (y INT)", refused.getMessage());
    }

    @Test
    void parseWhenNameLacksVersionThenRefuses() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> SqlScript.parse("create_tables.sql", "SELECT 1;"));

        assertEquals("Migration script name create_tables.sql does not follow V<version>__<description>.sql",
                refused.getMessage());
    }
}
