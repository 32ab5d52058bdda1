package dk.sosi.sts.exchange.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.exchange.IssuedToken;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.exchange.StsEndpoint;
import dk.sosi.sts.exchange.oio.AssertionSigner;
import dk.sosi.sts.exchange.oio.IssuerSignedAssertions;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAssertionReader;
import dk.sosi.sts.token.saml.SamlAssertionWriter;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.token.saml.SubjectConfirmation;
import dk.sosi.sts.trust.StsCredential;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.SignaturePolicy;
import dk.sosi.sts.xmldsig.SignatureVerifier;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class IdentityTokenIssuerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.750Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant SECOND = Instant.parse("2026-03-01T10:00:00Z");
    private static final String FMK = "https://fmk";
    private static final CitizenAudience AUDIENCE = new CitizenAudience(FMK, Duration.ofSeconds(3600), Set.of("CVR:1-FID:2"),
            Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), false);
    private static final NameId NAME_ID = NameId.of("dk:gov:saml:attribute:CprNumberIdentifier:0101011234", NameId.PERSISTENT);

    private final IssuedCredential sts = TestSigningKeys.other();
    private final IssuedCredential caller = TestSigningKeys.employee();
    private final IdentityTokenIssuer issuer = new IdentityTokenIssuer("https://sts.test/", Duration.ofMinutes(5),
            new AssertionSigner(new SamlAssertionWriter(), new XmlSigner(SignatureAlgorithm.RSA_SHA256, SlaLog.NONE),
                    new StsCredential(sts.privateKey(), List.of(sts.certificate()))), CLOCK);

    private IdentityTokenIssuer.Citizen citizen(SamlAttribute... extra) {
        return new IdentityTokenIssuer.Citizen(NAME_ID, "0101011234", caller.certificate(), List.of(extra));
    }

    @Test
    void buildWhenCitizenThenHolderOfKeyTokenForTheAudienceWithTheCitizenAttributes() {
        SamlAssertion token = issuer.build(citizen(), AUDIENCE);

        assertEquals("https://sts.test/", token.issuer());
        assertEquals(SECOND, token.issueInstant());
        assertEquals(Optional.of(NAME_ID), token.subject().nameId());
        assertEquals(List.of(SubjectConfirmation.holderOfKey(caller.certificate(), FMK, SECOND.plusSeconds(3600))),
                token.subject().confirmations());
        assertEquals(Optional.of(SECOND.minus(Duration.ofMinutes(5))), token.conditions().notBefore());
        assertEquals(Optional.of(SECOND.plusSeconds(3600)), token.conditions().notOnOrAfter());
        assertEquals(List.of(FMK), token.conditions().audiences());
        assertEquals(List.of(SamlAttribute.basic("dk:gov:saml:attribute:SpecVer", "DK-SAML-2.0"),
                SamlAttribute.basic("dk:gov:saml:attribute:AssuranceLevel", "3"),
                SamlAttribute.basic("dk:gov:saml:attribute:CprNumberIdentifier", "0101011234")), token.attributes());
    }

    @Test
    void buildWhenExtraAttributesThenTheyFollowTheCitizensOwn() {
        SamlAttribute privileges = SamlAttribute.basic("dk:gov:saml:attribute:Privileges_intermediate", "PHA+");

        SamlAssertion token = issuer.build(citizen(privileges), AUDIENCE);

        assertEquals(4, token.attributes().size());
        assertEquals(privileges, token.attributes().get(3));
    }

    @Test
    void buildWhenAnExtraAttributeRepeatsACitizenAttributeThenRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> issuer.build(citizen(SamlAttribute.basic("dk:gov:saml:attribute:CprNumberIdentifier", "1")), AUDIENCE));
    }

    @Test
    void issueWhenCitizenThenSignedAfterIssuerWithLifetimeOfTheToken() {
        IssuedToken issued = issuer.issue(citizen(), AUDIENCE, RequestContext.none(StsEndpoint.BST2IDWS, NOW));

        Element token = issued.token();
        Element second = (Element) token.getElementsByTagNameNS(Namespaces.SAML, "Issuer").item(0).getNextSibling();
        assertEquals("Signature", second.getLocalName());
        SamlAssertion read = new IssuerSignedAssertions(new SamlAssertionReader(),
                new SignatureVerifier(SignaturePolicy.enveloped(EnumSet.of(SignatureAlgorithm.RSA_SHA256))), CLOCK)
                .check(token, "identity token", name -> TestSigningKeys.TRUST_ANY, Duration.ZERO).assertion();
        assertEquals(issuer.build(citizen(), AUDIENCE).attributes(), read.attributes());
        assertEquals(Optional.of(FMK), issued.appliesTo());
        assertEquals(SECOND.minus(Duration.ofMinutes(5)), issued.created());
        assertEquals(SECOND.plusSeconds(3600), issued.expires());
    }

    @Test
    void constructWhenFuzzyTimeNegativeThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IdentityTokenIssuer("x", Duration.ofSeconds(-1),
                new AssertionSigner(new SamlAssertionWriter(), new XmlSigner(SignatureAlgorithm.RSA_SHA256, SlaLog.NONE),
                        new StsCredential(sts.privateKey(), List.of(sts.certificate()))), CLOCK));
    }
}
