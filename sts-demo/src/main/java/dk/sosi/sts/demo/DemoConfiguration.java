package dk.sosi.sts.demo;

import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Immutable. A demo configuration folder that {@link DemoConfigurationFolder#ensure} found or made:
 * where each keystore is, its password and aliases, and how to load the credentials back to sign with.
 *
 * <p>The file names are those of the production folder {@code /pack/sts} that the operations guide
 * describes ("Java keystores"); what is demo-only is marked so below.
 *
 * @param folder    the configuration folder
 * @param createdAt when the folder's PKI was generated
 * @param password  the password of every keystore and PKCS#12 file in the folder, and of their keys
 * @param crlUrl    the CRL distribution point in every leaf certificate of the demo issuing CA
 */
public record DemoConfiguration(Path folder, Instant createdAt, String password, URI crlUrl) {

    /** Written last by the generator: while it exists, the folder is complete and is reused. */
    public static final String PROPERTIES_FILE = "demo-pki.properties";
    public static final String README_FILE = "README.txt";
    public static final String DEFAULT_PASSWORD = "Test1234";

    /** The STS's own key and certificate (JKS); used to sign every token the STS issues. */
    public static final String STS_KEYSTORE = "teststs-1.keystore";
    public static final String STS_ALIAS = "sts";
    /** Trust store of the IdPs whose assertions OIOSaml2Sosi accepts (trustedVault); JKS. */
    public static final String NEMLOGIN_IDP_TRUSTSTORE = "test-new-nemLogin-idp.keystore";
    public static final String NEMLOGIN_IDP_ALIAS = "demo_nemlogin_idp";
    /** Demo-only: the private key of the demo NemLog-in IdP, to sign test assertions. */
    public static final String NEMLOGIN_IDP_CREDENTIAL = "idp/demo-nemlogin-idp.p12";
    /** Trust store of the JWT IdPs (trustStoreFile of JWT2Idws/JWT2OIOSaml); alias = the JWT's kid. */
    public static final String JWT_IDP_TRUSTSTORE = "test-jwt-idp-trust.jks";
    public static final String JWT_IDP_KID = "demo-jwt-idp";
    /** Demo-only: the private key of the demo JWT IdP, to sign test JWTs. */
    public static final String JWT_IDP_CREDENTIAL = "idp/demo-jwt-idp.p12";
    /** The STS's client identity towards backends (PID, CVR-RID, procuration); JKS. */
    public static final String BACKEND_CLIENT_KEYSTORE = "nsp-test-rid.jks";
    public static final String BACKEND_CLIENT_ALIAS = "nsp-test-rid";
    /** Trust store for the PID/CVR-RID services; JKS. */
    public static final String DIGST_TRUSTSTORE = "testtdc.keystore";
    /** The trust anchors the DGWS exchange checks client certificates against; JKS. */
    public static final String FEDERATION_TRUSTSTORE = "federation-trust.jks";
    /** Alias of the demo root CA in the trust stores. */
    public static final String ROOT_CA_ALIAS = "demo-root-ca";
    /** Alias of the demo issuing CA in the federation trust store. */
    public static final String ISSUING_CA_ALIAS = "demo-issuing-ca-1";
    /** Demo-only: the client credentials, one PKCS#12 file per {@link DemoClient}. */
    public static final String CLIENT_FOLDER = "clients";
    public static final String CLIENT_ALIAS = "client";
    /** The issuing CA's CRL (DER), served by the demo STS at {@link #ISSUING_CA_CRL_URL}. */
    public static final String ISSUING_CA_CRL = "crl/issuing-ca-1.crl";
    /** The root CA's CRL (DER), served at {@link #ROOT_CA_CRL_URL}; lists the revoked intermediates (none). */
    public static final String ROOT_CA_CRL = "crl/root-ca.crl";
    /**
     * Where the demo STS serves the issuing CA's CRL; fixed at generation time, so the demo STS
     * must listen on 127.0.0.1:8080 for revocation checks that follow the distribution point.
     */
    public static final String ISSUING_CA_CRL_URL = "http://127.0.0.1:8080/sts/demo-crl/issuing-ca-1.crl";
    public static final String ROOT_CA_CRL_URL = "http://127.0.0.1:8080/sts/demo-crl/root-ca.crl";
    /** Demo-only: the CAs' private keys, so CRLs can be re-signed and tests can issue more certificates. */
    public static final String ROOT_CA_CREDENTIAL = "ca/demo-root-ca.p12";
    public static final String ISSUING_CA_CREDENTIAL = "ca/demo-issuing-ca-1.p12";
    public static final String CA_ALIAS = "ca";

    public DemoConfiguration {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(crlUrl, "crlUrl");
    }

    public Path stsKeystore() {
        return folder.resolve(STS_KEYSTORE);
    }

    public String stsAlias() {
        return STS_ALIAS;
    }

    public Path nemLoginIdpTrustStore() {
        return folder.resolve(NEMLOGIN_IDP_TRUSTSTORE);
    }

    public Path nemLoginIdpCredential() {
        return folder.resolve(NEMLOGIN_IDP_CREDENTIAL);
    }

    public Path jwtIdpTrustStore() {
        return folder.resolve(JWT_IDP_TRUSTSTORE);
    }

    public Path jwtIdpCredential() {
        return folder.resolve(JWT_IDP_CREDENTIAL);
    }

    public Path backendClientKeystore() {
        return folder.resolve(BACKEND_CLIENT_KEYSTORE);
    }

    public Path digstTrustStore() {
        return folder.resolve(DIGST_TRUSTSTORE);
    }

    public Path federationTrustStore() {
        return folder.resolve(FEDERATION_TRUSTSTORE);
    }

    public Path clientCredential(DemoClient client) {
        return folder.resolve(CLIENT_FOLDER).resolve(client.fileName());
    }

    public Path issuingCaCrl() {
        return folder.resolve(ISSUING_CA_CRL);
    }

    public Path rootCaCrl() {
        return folder.resolve(ROOT_CA_CRL);
    }

    public Path rootCaCredential() {
        return folder.resolve(ROOT_CA_CREDENTIAL);
    }

    public Path issuingCaCredential() {
        return folder.resolve(ISSUING_CA_CREDENTIAL);
    }

    public Path propertiesFile() {
        return folder.resolve(PROPERTIES_FILE);
    }

    public IssuedCredential loadStsCredential() {
        return IssuedCredential.read(stsKeystore(), STS_ALIAS, password.toCharArray());
    }

    public IssuedCredential loadBackendClientCredential() {
        return IssuedCredential.read(backendClientKeystore(), BACKEND_CLIENT_ALIAS, password.toCharArray());
    }

    public IssuedCredential loadNemLoginIdpCredential() {
        return IssuedCredential.read(nemLoginIdpCredential(), NEMLOGIN_IDP_ALIAS, password.toCharArray());
    }

    public IssuedCredential loadJwtIdpCredential() {
        return IssuedCredential.read(jwtIdpCredential(), JWT_IDP_KID, password.toCharArray());
    }

    public IssuedCredential loadClientCredential(DemoClient client) {
        return IssuedCredential.read(clientCredential(client), CLIENT_ALIAS, password.toCharArray());
    }

    /** The demo issuing CA, e.g. for a test that needs one more certificate the demo STS trusts. */
    public CertificateAuthority loadIssuingCa(KeyPairSource keyPairSource) {
        return CertificateAuthority.of(
                IssuedCredential.read(issuingCaCredential(), CA_ALIAS, password.toCharArray()), keyPairSource);
    }

    /** The demo root CA, to re-sign its CRL. */
    CertificateAuthority loadRootCa() {
        return CertificateAuthority.of(
                IssuedCredential.read(rootCaCredential(), CA_ALIAS, password.toCharArray()), KeyPairSource.fresh());
    }
}
