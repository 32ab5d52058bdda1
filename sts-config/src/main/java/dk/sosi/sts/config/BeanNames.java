package dk.sosi.sts.config;

/** The bean ids of the operator's Spring XML files, exactly as the operations guide names them. */
public final class BeanNames {

    public static final String HTTP_CODE_FOR_FAULT_RESPONSE = "httpCodeForFaultResponse";
    public static final String MAX_REQUEST_SIZE_BYTES = "maxRequestSizeBytes";
    public static final String REQUEST_ARRIVAL_TIMEOUT_MILLIS = "requestArrivalTimeoutMillis";
    public static final String MIN_REQUEST_DATA_RATE = "minRequestDataRate";
    public static final String SERVICE_INFO_COLLECTOR = "serviceInfoCollector";
    public static final String MINIMUM_ALLOWED_AGE = "minimumAllowedAge";
    public static final String STATUS_SERVLET_LIST = "statusServletList";
    public static final String ALARM_SERVLET_LIST = "alarmServletList";
    public static final String MONITOR_SERVLET_LIST = "monitorServletList";
    public static final String STS_CREDENTIAL = "stsCredential";
    public static final String CERTIFICATE_EXPIRY_WARNING = "certificateExpiryWarning";
    public static final String NBO_TRUST_STORE_CHECK = "nboTrustStoreCheck";
    public static final String JWT_TRUST_STORE_CHECK = "jwtTrustStoreCheck";
    public static final String MONITOR_DATABASE_CERTIFICATES_CHECK = "monitorDatabaseCertificatesCheck";
    public static final String CRL_FETCHER = "crlFetcher";

    /** Infrastructure beans the STS provides to the operator's files. */
    public static final String CLOCK = "clock";
    public static final String CRL_STORE = "crlStore";
    public static final String CRL_SOURCES = "crlSources";
    public static final String REVOCATION_CHECKER = "revocationChecker";
    public static final String STS_DATABASE = "stsDatabase";
    public static final String CRA_DATABASE = "craDatabase";
    public static final String STS_CONFIGURATION = "stsConfiguration";
    public static final String SLA_LOG = "slaLog";
    public static final String TRUST_STORES = "trustStores";

    private BeanNames() {
    }
}
