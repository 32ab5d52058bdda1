package dk.sosi.sts.db.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Immutable. One migration script {@code V<version>__<description>.sql}: its statements and checksum.
 *
 * <p>Statements end with {@code ;} at the end of a line, and lines starting with {@code --} are
 * comments. That is all the syntax the migrations need; they hold no procedures or triggers, so a
 * real SQL parser would buy nothing.
 */
public record SqlScript(int version, String description, String name, String checksum, List<String> statements) {

    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__([A-Za-z0-9_]+)\\.sql");

    public SqlScript {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(checksum, "checksum");
        statements = List.copyOf(statements);
    }

    /** Parses the script {@code name} with the text {@code content}. */
    public static SqlScript parse(String name, String content) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "Migration script name " + name + " does not follow V<version>__<description>.sql");
        }
        // Line endings are normalised before hashing, so that a checkout with CRLF line endings does
        // not look like an edited script.
        String normalised = content.replace("\r\n", "\n");
        return new SqlScript(Integer.parseInt(matcher.group(1)), matcher.group(2), name,
                sha256(normalised), split(name, normalised));
    }

    private static List<String> split(String name, String content) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : content.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("Migration script " + name
                    + " ends with a statement that is not terminated by ';': " + current.toString().strip());
        }
        return statements;
    }

    private static String sha256(String content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
