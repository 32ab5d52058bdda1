package dk.sosi.sts.db;

/**
 * The names of the STS's databases and tables as the operations guide writes them, in one place, so
 * that the guide's SQL works against this project unchanged.
 */
public final class StsDatabaseNames {

    /** Configuration of the STS exchanges. */
    public static final String STS_AUDCONF = "sts_audconf";
    /** Configuration of the eHDSI exchange. */
    public static final String STS_EHDSICONF = "sts_ehdsiconf";
    /** Certificate revocation lists (the guide's "CRA database"). */
    public static final String STS_CRA = "sts_cra";

    public static final String IBO_CONFIG = "iboConfig";
    public static final String AUDIENCE_CONFIGURATION = "audienceConfiguration";
    public static final String TRUSTED_IDP_CONFIGURATION = "trustedIdpConfiguration";
    public static final String TRUSTED_IDP_CITIZEN_CONFIGURATION = "trustedIdpCitizenConfiguration";
    public static final String ROLE_DEFINITIONS = "roleDefinitions";
    public static final String TRUSTED_CVR = "trustedCvr";
    public static final String EHDSI_AUDIENCE_CONFIGURATION = "ehdsiAudienceConfiguration";
    public static final String EHDSI_POLICIES_CONFIGURATION = "ehdsiPoliciesConfiguration";
    public static final String CRL = "crl";
    public static final String CRL_SOURCE = "crl_source";

    /** Applied migrations; kept in {@value #STS_AUDCONF}, the database every installation has. */
    public static final String SCHEMA_HISTORY = "schema_history";

    private StsDatabaseNames() {
    }

    /** {@code database.table}, as the repositories query it. */
    static String qualified(String database, String table) {
        return database + "." + table;
    }
}
