package dk.sosi.sts.demo.client;

import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.token.saml.Conditions;
import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.token.saml.ParsedAssertion;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAssertionWriter;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.token.saml.Subject;
import dk.sosi.sts.token.saml.SubjectConfirmation;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.XmlSigner;
import dk.sosi.sts.xmlenc.AssertionEncrypter;
import dk.sosi.sts.xmlenc.EncryptionPolicy;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * Not thread-safe: one builder per token. Builds an employee bootstrap token as an IdP issues one for
 * BST2SOSI (exchanges.md 3.3): signed by the issuer right after its Issuer, holder-of-key to the key the
 * employee's system signs its messages with, for the audience {@value #STS_AUDIENCE}, in the attributes of its
 * profile (OIOH3BST of a local NSIS IdP, OIOH2BST of SEB with its PrivilegeList, OIO3BST of NemLog-in 3); then,
 * if wanted, encrypted to the STS's key for the issuer. Used by the demo client, the benchmark and tests.
 */
public final class BootstrapTokenBuilder {

    /** The audience a bootstrap token for the STS names. */
    public static final String STS_AUDIENCE = "https://sts.sosi.dk/";

    /** The three employee profiles. */
    public enum Profile { OIOH3BST, OIOH2BST, OIO3BST }

    private static final String OIOSAML3 = "https://data.gov.dk/model/core/";
    private static final String BPP = "http://itst.dk/oiosaml/basic_privilege_profile";

    private final Profile profile;
    private final String issuer;
    private String audience = STS_AUDIENCE;
    private Optional<X509Certificate> holderOfKey = Optional.empty();
    private String nameId = "urn:uuid:" + UUID.randomUUID();
    private Optional<String> cpr = Optional.empty();
    private Optional<String> professionalUuid = Optional.empty();
    private String cvr = "20921897";
    private String organisation = "Demo Lægehus";
    private String givenName = "Karl";
    private String surname = "Hansen";
    private final List<String> privileges = new ArrayList<>();
    private Instant issuedAt = Instant.now();
    private Duration lifetime = Duration.ofHours(1);

    public BootstrapTokenBuilder(Profile profile, String issuer) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    public BootstrapTokenBuilder audience(String audience) {
        this.audience = audience;
        return this;
    }

    /** The certificate whose key the presenter must sign the message with. */
    public BootstrapTokenBuilder holderOfKey(X509Certificate certificate) {
        this.holderOfKey = Optional.of(certificate);
        return this;
    }

    public BootstrapTokenBuilder nameId(String nameId) {
        this.nameId = nameId;
        return this;
    }

    public BootstrapTokenBuilder cpr(String cpr) {
        this.cpr = Optional.of(cpr);
        return this;
    }

    /** The employee's professional UUID (OIOSAML 3 profiles), also the NameID {@code urn:uuid:<uuid>}. */
    public BootstrapTokenBuilder professionalUuid(String uuid) {
        this.professionalUuid = Optional.of(uuid);
        this.nameId = "urn:uuid:" + uuid;
        return this;
    }

    public BootstrapTokenBuilder organisation(String cvr, String name) {
        this.cvr = cvr;
        this.organisation = name;
        return this;
    }

    public BootstrapTokenBuilder name(String givenName, String surname) {
        this.givenName = givenName;
        this.surname = surname;
        return this;
    }

    /** A SEB privilege (OIOH2BST) the employee holds at the token's organisation, e.g. a national role. */
    public BootstrapTokenBuilder privilege(String privilege) {
        this.privileges.add(privilege);
        return this;
    }

    /** Issued at {@code issuedAt}, valid for {@code lifetime} (negative: expired). */
    public BootstrapTokenBuilder validity(Instant issuedAt, Duration lifetime) {
        this.issuedAt = issuedAt;
        this.lifetime = lifetime;
        return this;
    }

    public SamlAssertion assertion() {
        Instant issued = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        List<SubjectConfirmation> confirmations = holderOfKey.map(certificate -> List.of(new SubjectConfirmation(
                SubjectConfirmation.HOLDER_OF_KEY, Optional.empty(), Optional.empty(), Optional.of(certificate)))).orElse(List.of());
        SamlAssertion.Builder token = SamlAssertion.builder()
                .id("_" + UUID.randomUUID())
                .issueInstant(issued)
                .issuer(issuer)
                .subject(new Subject(Optional.of(NameId.of(nameId, profile == Profile.OIOH2BST
                        ? NameId.UNSPECIFIED : NameId.PERSISTENT)), confirmations))
                .conditions(new Conditions(Optional.of(issued), Optional.of(issued.plus(lifetime)), List.of(audience)));
        if (profile == Profile.OIOH2BST) {
            token.addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:SpecVer", "DK-SAML-2.0"))
                    .addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:AssuranceLevel", "3"))
                    .addAttribute(SamlAttribute.basic("urn:oid:2.5.4.3", givenName + " " + surname))
                    .addAttribute(SamlAttribute.basic("urn:oid:2.5.4.4", surname))
                    .addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:CvrNumberIdentifier", cvr))
                    .addAttribute(SamlAttribute.basic("urn:oid:2.5.4.10", organisation));
            cpr.ifPresent(value -> token.addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:CprNumberIdentifier", value)));
            token.addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:Privileges_intermediate", privilegeList()));
        } else {
            token.addAttribute(SamlAttribute.basic(OIOSAML3 + "specVersion", "OIO-SAML-3.0"));
            if (profile == Profile.OIOH3BST) {
                token.addAttribute(SamlAttribute.basic("https://healthcare.data.gov.dk/model/core/specVersion", "OIO-SAML-H-3.0"));
            }
            token.addAttribute(SamlAttribute.basic("https://data.gov.dk/concept/core/nsis/loa", "Substantial"))
                    .addAttribute(SamlAttribute.basic(OIOSAML3 + "eid/firstName", givenName))
                    .addAttribute(SamlAttribute.basic(OIOSAML3 + "eid/lastName", surname))
                    .addAttribute(SamlAttribute.basic(OIOSAML3 + "eid/professional/cvr", cvr))
                    .addAttribute(SamlAttribute.basic(OIOSAML3 + "eid/professional/orgName", organisation));
            professionalUuid.ifPresent(uuid -> token.addAttribute(SamlAttribute.basic(OIOSAML3 + "eid/professional/uuid/persistent",
                    "urn:uuid:" + uuid)));
            cpr.ifPresent(value -> token.addAttribute(SamlAttribute.basic(OIOSAML3 + "eid/cprNumber", value)));
        }
        return token.build();
    }

    /** The token signed (rsa-sha256) by the issuer's {@code key}. */
    public Element signed(PrivateKey key, X509Certificate certificate) {
        return sign(assertion(), key, certificate);
    }

    /** {@code token} written and signed (rsa-sha256) by the issuer's {@code key}, as its root of a document of its own. */
    public static Element sign(SamlAssertion token, PrivateKey key, X509Certificate certificate) {
        Element written = new SamlAssertionWriter().write(token);
        new XmlSigner(SignatureAlgorithm.RSA_SHA256, SlaLog.NONE).signEnveloped(written, ParsedAssertion.ID_ATTRIBUTE,
                XmlSigner.Placement.AFTER_ISSUER, key, certificate);
        return written;
    }

    /** {@code signed} encrypted to {@code recipient} (the issuer's {@code encryptionPublicKey.xxx}) as SAML's EncryptedAssertion. */
    public static Element encrypted(Element signed, X509Certificate recipient) {
        return new AssertionEncrypter().encrypt(signed, recipient, EncryptionPolicy.DEFAULT);
    }

    private String privilegeList() {
        StringBuilder xml = new StringBuilder("<bpp:PrivilegeList xmlns:bpp=\"" + BPP + "\">")
                .append("<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:").append(cvr).append("\">");
        privileges.forEach(privilege -> xml.append("<Privilege>").append(privilege).append("</Privilege>"));
        xml.append("</PrivilegeGroup></bpp:PrivilegeList>");
        return Base64.getEncoder().encodeToString(xml.toString().getBytes(StandardCharsets.UTF_8));
    }
}
