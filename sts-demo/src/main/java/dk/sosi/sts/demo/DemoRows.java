package dk.sosi.sts.demo;

import dk.sosi.sts.testkit.pki.IssuedCredential;
import java.security.cert.CertificateEncodingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Stateless. What the demo registers in the configuration tables at every embedded start: rows of a map-format table
 * ({@code audience} or {@code issuer}, {@code attribute}, {@code attribute_value}) added as an admin would with SQL, or
 * set to this folder's values when they are there already, so an older demo database follows its folder's keys.
 */
final class DemoRows {

    private DemoRows() {
    }

    /**
     * @param table     the table with its schema, e.g. {@code sts_audconf.audienceConfiguration}
     * @param keyColumn {@code audience} or {@code issuer}
     */
    static void upsert(DataSource database, String table, String keyColumn, String key, Map<String, String> rows) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table
                        + " (" + keyColumn + ", attribute, attribute_value, comment) VALUES (?, ?, ?, 'demo')"
                        + " ON DUPLICATE KEY UPDATE attribute_value = VALUES(attribute_value)")) {
            for (Map.Entry<String, String> row : rows.entrySet()) {
                upsert.setString(1, key);
                upsert.setString(2, row.getKey());
                upsert.setString(3, row.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** The credential's certificate as a {@code signingKey.xxx} or {@code publicKey} row holds it. */
    static String base64(IssuedCredential credential) {
        try {
            return Base64.getEncoder().encodeToString(credential.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("The demo certificate cannot be encoded", e);
        }
    }
}
