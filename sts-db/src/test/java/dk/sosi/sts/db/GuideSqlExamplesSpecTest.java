package dk.sosi.sts.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every SQL example of the operations guide runs, unmodified, against the migrated schema, and the
 * rows it inserts load into a snapshot. The examples are read from the guide itself (never copied
 * into the project): a block starts at a "Code Block" line, may carry Confluence metadata lines
 * (languagesql, title..., collapse...), and holds statements that start with USE/INSERT INTO or a
 * {@code --} comment and end with {@code ;}. Each block runs on empty tables, because several
 * examples insert the same row (the roleDefinitions example appears twice).
 *
 * <p>One change is made: some examples are indented with non-breaking spaces (U+00A0, left by the
 * wiki the guide was exported from), which no MySQL or MariaDB accepts as white space; they become
 * plain spaces, and the test's name says where.
 */
class GuideSqlExamplesSpecTest {

    private static final String GUIDE = "sosi-sts-operations-guide.da.txt";
    private static final Pattern STATEMENT_START =
            Pattern.compile("^(use\\s+\\w+|insert\\s+into\\s)", Pattern.CASE_INSENSITIVE);
    private static final char NON_BREAKING_SPACE = '\u00a0';
    private static final Pattern METADATA = Pattern.compile("(language|title|collapse).*");

    @TestFactory
    Stream<DynamicTest> executeWhenGuideExampleRunsUnmodifiedThenEveryStatementSucceeds() throws IOException {
        return examples().stream().map(example -> DynamicTest.dynamicTest(
                "guide line " + example.line() + " (" + example.statements().size() + " statements"
                        + (example.text().indexOf(NON_BREAKING_SPACE) >= 0 ? "; non-breaking spaces made plain" : "")
                        + ")",
                () -> run(example)));
    }

    @Test
    void extractWhenGuideIsReadThenEverySqlStatementOfTheGuideIsFound() throws IOException {
        long statements = examples().stream().mapToLong(example -> example.statements().size()).sum();
        long statementLinesInGuide = guideLines().stream()
                .filter(line -> STATEMENT_START.matcher(line.replace(NON_BREAKING_SPACE, ' ').strip()).find())
                .count();

        assertTrue(statements > 10, "only " + statements + " statements found in the guide");
        assertEquals(statementLinesInGuide, statements, "statements outside the code blocks this test reads");
    }

    private static void run(Example example) throws SQLException {
        TestDatabase.clearTables();
        try (Connection connection = TestDatabase.openConnection()) {
            // The database an admin following the page has selected; examples without "use" rely on it.
            connection.setCatalog(example.text().contains("ehdsiPoliciesConfiguration")
                    || example.text().contains("ehdsiAudienceConfiguration") ? "sts_ehdsiconf" : "sts_audconf");
            for (String sql : example.statements()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql.replace(NON_BREAKING_SPACE, ' '));
                    if (sql.toLowerCase(Locale.ROOT).contains("insert into")) {
                        assertEquals(1, statement.getUpdateCount(), sql);
                    }
                } catch (SQLException e) {
                    fail("Guide example at line " + example.line() + " failed: " + e.getMessage() + "\n" + sql, e);
                }
            }
        }
        assertNotNull(new JdbcConfigurationLoader(TestDatabase.dataSource()).load());
    }

    private static List<Example> examples() throws IOException {
        List<String> lines = guideLines();
        List<Example> examples = new ArrayList<>();
        int blockLine = -1;
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "Code Block"; // a sentinel ends the last block
            String trimmed = line.replace(NON_BREAKING_SPACE, ' ').strip();
            if (blockLine >= 0 && statement.length() > 0 && !trimmed.equals("Code Block")) {
                statement.append('\n').append(line);
                if (trimmed.endsWith(";")) {
                    statements.add(statement.toString());
                    statement.setLength(0);
                }
                continue;
            }
            boolean sql = STATEMENT_START.matcher(trimmed).find() || trimmed.startsWith("--");
            boolean blockEnds = trimmed.equals("Code Block")
                    || (blockLine >= 0 && !trimmed.isEmpty() && !sql
                            && !(statements.isEmpty() && METADATA.matcher(trimmed).matches()));
            if (blockEnds) {
                if (statement.length() > 0) {
                    fail("Guide example at line " + blockLine + " has a statement without ';': " + statement);
                }
                if (!statements.isEmpty()) {
                    examples.add(new Example(blockLine, List.copyOf(statements)));
                }
                statements.clear();
                blockLine = trimmed.equals("Code Block") ? i + 1 : -1;
                continue;
            }
            if (blockLine >= 0 && sql) {
                statement.append(line);
                if (trimmed.endsWith(";") && !trimmed.startsWith("--")) {
                    statements.add(statement.toString());
                    statement.setLength(0);
                }
            }
        }
        return examples;
    }

    private static List<String> guideLines() throws IOException {
        String directory = System.getProperty("sts.spec.dir");
        if (directory == null || directory.isBlank() || directory.startsWith("${")) {
            fail("System property sts.spec.dir must name the spec directory; the Maven profile 'spec' sets it");
        }
        Path guide = Paths.get(directory, GUIDE);
        return Files.readAllLines(guide, StandardCharsets.UTF_8);
    }

    /** The SQL statements of one code block of the guide, starting at (1-based) {@code line}. */
    private record Example(int line, List<String> statements) {

        String text() {
            return String.join("\n", statements);
        }
    }
}
