package dk.sosi.sts.demo;

/**
 * Immutable. The client credentials of the demo folder ({@code clients/*.p12}, alias
 * {@value DemoConfiguration#CLIENT_ALIAS}): one per case a DGWS client can show the STS.
 */
public enum DemoClient {

    /** Level 3: a system signing with a function certificate (FOCES). */
    SYSTEM_FOCES("demo-system-foces.p12",
            "CN=Demo Lægehus system (funktionscertifikat) + SERIALNUMBER=CVR:20921897-FID:12345678,"
                    + " O=Demo Lægehus // CVR:20921897, C=DK"),
    /** Level 3: a system signing with a company certificate (VOCES). */
    SYSTEM_VOCES("demo-system-voces.p12",
            "CN=Demo Lægehus (virksomhedscertifikat) + SERIALNUMBER=CVR:20921897-UID:87654321,"
                    + " O=Demo Lægehus // CVR:20921897, C=DK"),
    /** Level 4: an employee signing with an employee certificate (MOCES). */
    EMPLOYEE_MOCES("demo-employee-moces.p12",
            "CN=Karl Hansen + SERIALNUMBER=CVR:20921897-RID:46283716, O=Demo Lægehus // CVR:20921897, C=DK"),
    /** Level 3: a system signing with an OCES3 organisation certificate (FOCES3): UUID serial, CVR in organizationIdentifier. */
    SYSTEM_FOCES3("demo-system-foces3.p12",
            "SERIALNUMBER=UI:DK-O:G:2b6a96fc-9a40-4479-8c90-84c2a15c5bce, CN=Demo Lægehus system,"
                    + " 2.5.4.97=NTRDK-20921897, O=Demo Lægehus, C=DK"),
    /** Level 4: the same employee signing with an OCES3 employee certificate (MOCES3), whose CPR UUID2CPR knows. */
    EMPLOYEE_MOCES3("demo-employee-moces3.p12",
            "SERIALNUMBER=UI:DK-E:G:a0368eea-b281-46cc-9dc9-fec420831906, CN=Karl Hansen,"
                    + " 2.5.4.97=NTRDK-20921897, O=Demo Lægehus, C=DK"),
    /** An employee certificate whose validity ended the day before the folder was generated. */
    EMPLOYEE_MOCES_EXPIRED("demo-employee-moces-expired.p12",
            "CN=Anne Udløbet + SERIALNUMBER=CVR:20921897-RID:52718190, O=Demo Lægehus // CVR:20921897, C=DK"),
    /** An employee certificate listed on the issuing CA's CRL. */
    EMPLOYEE_MOCES_REVOKED("demo-employee-moces-revoked.p12",
            "CN=Bo Spærret + SERIALNUMBER=CVR:20921897-RID:93817264, O=Demo Lægehus // CVR:20921897, C=DK"),
    /** A function certificate from a CA that nothing in the folder trusts. */
    UNTRUSTED_FOCES("demo-untrusted-foces.p12",
            "CN=Demo ukendt system (funktionscertifikat) + SERIALNUMBER=CVR:20921897-FID:99999999,"
                    + " O=Demo Lægehus // CVR:20921897, C=DK");

    private final String fileName;
    private final String subjectDn;

    DemoClient(String fileName, String subjectDn) {
        this.fileName = fileName;
        this.subjectDn = subjectDn;
    }

    /** The file name under {@value DemoConfiguration#CLIENT_FOLDER}. */
    public String fileName() {
        return fileName;
    }

    /**
     * The certificate subject, RFC 2253 with the {@code SERIALNUMBER} keyword; OCES3's
     * organizationIdentifier has no keyword, so it is written as its OID {@code 2.5.4.97}.
     */
    public String subjectDn() {
        return subjectDn;
    }

    /** The key under which demo-pki.properties lists this client: the file name without ".p12". */
    String propertyKey() {
        return "client." + fileName.substring(0, fileName.length() - ".p12".length());
    }
}
