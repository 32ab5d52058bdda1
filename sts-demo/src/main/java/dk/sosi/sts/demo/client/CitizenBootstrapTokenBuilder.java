package dk.sosi.sts.demo.client;

import dk.sosi.sts.token.saml.Conditions;
import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.token.saml.Subject;
import dk.sosi.sts.token.saml.SubjectConfirmation;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * Not thread-safe: one builder per token. Builds a citizen bootstrap token as NemLog-in or SEB issues one for
 * Bst2Idws (exchanges.md 3.4), signed by the issuer right after its Issuer, for the audience {@value #STS_AUDIENCE}:
 * OIO3BST_CITIZEN (the NemLog-in 3 STS: NameID {@code dk:gov:saml:attribute:CprNumberIdentifier:<cpr>}, OIOSAML 3
 * attributes, holder-of-key), OIO2BST_CITIZEN (SEB: DK-SAML-2.0 attributes, holder-of-key) or OIO2BST_LEGACY
 * (NemLog-in 2: bearer, the citizen named by the PID of a personal certificate, no CPR). Used by the demo client,
 * the benchmark and tests; encrypt with {@link BootstrapTokenBuilder#encrypted}.
 */
public final class CitizenBootstrapTokenBuilder {

    /** The audience of the citizen bootstrap tokens of the NSP test environment. */
    public static final String STS_AUDIENCE = "https://bootstrap.sts.nspop.dk/";

    /** The three citizen profiles. */
    public enum Profile { OIO3BST_CITIZEN, OIO2BST_CITIZEN, OIO2BST_LEGACY }

    private static final String OIOSAML3 = "https://data.gov.dk/model/core/";
    private static final String CPR_NAME_ID = "dk:gov:saml:attribute:CprNumberIdentifier:";

    private final Profile profile;
    private final String issuer;
    private String audience = STS_AUDIENCE;
    private Optional<X509Certificate> holderOfKey = Optional.empty();
    private Optional<String> cpr = Optional.empty();
    private String pid = "9208-2002-2-" + String.format("%012d", Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 1_000_000_000_000L);
    private Instant issuedAt = Instant.now();
    private Duration lifetime = Duration.ofHours(1);

    public CitizenBootstrapTokenBuilder(Profile profile, String issuer) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    public CitizenBootstrapTokenBuilder audience(String audience) {
        this.audience = audience;
        return this;
    }

    /** The certificate whose key the presenter must sign the message with (not for OIO2BST_LEGACY, a bearer token). */
    public CitizenBootstrapTokenBuilder holderOfKey(X509Certificate certificate) {
        this.holderOfKey = Optional.of(certificate);
        return this;
    }

    /** The citizen's CPR, stated in the token (OIO2BST_LEGACY tokens state none). */
    public CitizenBootstrapTokenBuilder cpr(String cpr) {
        this.cpr = Optional.of(cpr);
        return this;
    }

    /** The PID of the citizen's personal certificate (OIO2BST_LEGACY). */
    public CitizenBootstrapTokenBuilder pid(String pid) {
        this.pid = pid;
        return this;
    }

    /** Issued at {@code issuedAt}, valid for {@code lifetime} (negative: expired). */
    public CitizenBootstrapTokenBuilder validity(Instant issuedAt, Duration lifetime) {
        this.issuedAt = issuedAt;
        this.lifetime = lifetime;
        return this;
    }

    public SamlAssertion assertion() {
        Instant issued = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        Instant expires = issued.plus(lifetime);
        List<SubjectConfirmation> confirmations = profile == Profile.OIO2BST_LEGACY
                ? List.of(SubjectConfirmation.bearer("https://sosi", expires))
                : holderOfKey.map(certificate -> List.of(new SubjectConfirmation(SubjectConfirmation.HOLDER_OF_KEY,
                        Optional.empty(), Optional.empty(), Optional.of(certificate)))).orElse(List.of());
        SamlAssertion.Builder token = SamlAssertion.builder()
                .id("_" + UUID.randomUUID())
                .issueInstant(issued)
                .issuer(issuer)
                .subject(new Subject(Optional.of(nameId()), confirmations))
                .conditions(new Conditions(Optional.of(issued), Optional.of(expires), List.of(audience)));
        switch (profile) {
            case OIO3BST_CITIZEN -> {
                token.addAttribute(SamlAttribute.basic(OIOSAML3 + "specVersion", "OIO-SAML-3.0"))
                        .addAttribute(SamlAttribute.basic("https://data.gov.dk/concept/core/nsis/loa", "Substantial"));
                cpr.ifPresent(value -> token.addAttribute(SamlAttribute.basic(OIOSAML3 + "eid/cprNumber", value)));
            }
            case OIO2BST_CITIZEN -> {
                token.addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:SpecVer", "DK-SAML-2.0"))
                        .addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:AssuranceLevel", "3"));
                cpr.ifPresent(value -> token.addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:CprNumberIdentifier", value)));
            }
            case OIO2BST_LEGACY -> token.addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:AssuranceLevel", "3")
                    .withFriendlyName("AssuranceLevel"));
        }
        return token.build();
    }

    private NameId nameId() {
        return switch (profile) {
            case OIO3BST_CITIZEN -> NameId.of(cpr.map(value -> CPR_NAME_ID + value).orElse("urn:uuid:" + UUID.randomUUID()),
                    NameId.PERSISTENT);
            case OIO2BST_CITIZEN -> NameId.of("urn:uuid:" + UUID.randomUUID(), NameId.PERSISTENT);
            case OIO2BST_LEGACY -> NameId.of("C=DK,O=Ingen organisatorisk tilknytning,CN=Demo Borger,Serial=PID:" + pid,
                    NameId.X509_SUBJECT_NAME);
        };
    }

    /** The token signed (rsa-sha256) by the issuer's {@code key}. */
    public Element signed(PrivateKey key, X509Certificate certificate) {
        return BootstrapTokenBuilder.sign(assertion(), key, certificate);
    }
}
