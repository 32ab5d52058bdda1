package dk.sosi.sts.token.oiosaml;

/**
 * The attribute names of OIOSAML 2.0 (DK-SAML-2.0) assertions as the national STS issues them, with the
 * friendly names Seal writes (exchanges.md 3.1).
 */
public final class OioSamlAttributes {

    public static final String SUR_NAME = "urn:oid:2.5.4.4";
    public static final String COMMON_NAME = "urn:oid:2.5.4.3";
    public static final String EMAIL = "urn:oid:0.9.2342.19200300.100.1.3";
    public static final String ASSURANCE_LEVEL = "dk:gov:saml:attribute:AssuranceLevel";
    public static final String SPEC_VER = "dk:gov:saml:attribute:SpecVer";
    public static final String CVR_NUMBER = "dk:gov:saml:attribute:CvrNumberIdentifier";
    public static final String ORGANIZATION_NAME = "urn:oid:2.5.4.10";
    public static final String CPR_NUMBER = "dk:gov:saml:attribute:CprNumberIdentifier";
    /** The issuer DN of the user's certificate. */
    public static final String CERTIFICATE_ISSUER = "urn:oid:2.5.29.29";
    /** The subject serial number of the user's certificate. */
    public static final String UID = "urn:oid:0.9.2342.19200300.100.1.1";
    public static final String RID_NUMBER = "dk:gov:saml:attribute:RidNumberIdentifier";
    /** The serial number of the user's certificate, in hexadecimal. */
    public static final String CERTIFICATE_SERIAL = "urn:oid:2.5.4.5";
    public static final String IS_YOUTH_CERT = "dk:gov:saml:attribute:IsYouthCert";
    /** A bootstrap token (the id-card) as a Liberty endpoint reference. */
    public static final String DISCOVERY_EPR = "urn:liberty:disco:2006-08:DiscoveryEPR";

    public static final String SPEC_VER_DK_SAML_2_0 = "DK-SAML-2.0";

    private OioSamlAttributes() {
    }
}
