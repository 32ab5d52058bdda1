package dk.sosi.sts.db;

import dk.sosi.sts.configuration.ConfigurationSnapshot;
import java.sql.SQLException;

/** Reads every configuration table into one snapshot. */
@FunctionalInterface
public interface ConfigurationLoader {

    /** A fresh snapshot; throws when the database cannot be read. */
    ConfigurationSnapshot load() throws SQLException;
}
