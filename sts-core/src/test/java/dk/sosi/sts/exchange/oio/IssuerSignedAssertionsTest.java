package dk.sosi.sts.exchange.oio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.token.saml.Conditions;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAssertionReader;
import dk.sosi.sts.token.saml.SamlAssertionWriter;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.token.saml.TestSamlAssertions;
import dk.sosi.sts.trust.FederationTrust;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.SignaturePolicy;
import dk.sosi.sts.xmldsig.SignatureVerifier;
import dk.sosi.sts.xmldsig.SignerCheck;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class IssuerSignedAssertionsTest {

    private static final Instant NOW = TestSamlAssertions.ISSUED.plusSeconds(60);
    private static final Duration DRIFT = Duration.ofMinutes(5);
    private static final SignerCheck UNTRUSTED = certificate -> {
        throw new StsFault(FaultCode.FAILED_AUTHENTICATION, FederationTrust.UNTRUSTED);
    };

    private final IssuerSignedAssertions assertions = at(NOW);

    @Test
    void acceptsAnAssertionSignedByATrustedSignerOfItsIssuerAndNamesThatSigner() {
        List<String> issuersAsked = new ArrayList<>();

        IssuerSignedAssertions.Checked checked = assertions.check(signed(TestSamlAssertions.oioSamlAssertion().build()),
                "NemLog-in assertion", issuer -> {
                    issuersAsked.add(issuer);
                    return TestSigningKeys.TRUST_ANY;
                }, DRIFT);

        assertEquals(List.of(TestSamlAssertions.STS), issuersAsked);
        assertEquals(TestSigningKeys.other().certificate(), checked.issuerCertificate());
        assertEquals("Lars Larsen", checked.assertion().attribute("urn:oid:2.5.4.3").flatMap(SamlAttribute::firstText).orElseThrow());
    }

    @Test
    void refusesASignerTheIssuersTrustRefuses() {
        StsFault fault = assertThrows(StsFault.class, () -> assertions.check(
                signed(TestSamlAssertions.oioSamlAssertion().build()), "bootstrap token", issuer -> UNTRUSTED, DRIFT));

        assertEquals(FaultCode.FAILED_AUTHENTICATION, fault.code());
        assertEquals(FederationTrust.UNTRUSTED, fault.getMessage());
    }

    @Test
    void refusesAnAssertionAlteredAfterItsIssuerSignedIt() {
        Element assertion = signed(TestSamlAssertions.oioSamlAssertion().build());
        Element cpr = (Element) assertion.getElementsByTagNameNS(Namespaces.SAML, "AttributeValue").item(5);
        cpr.setTextContent("0101011234");

        StsFault fault = assertThrows(StsFault.class, () -> assertions.check(assertion, "NemLog-in assertion",
                issuer -> TestSigningKeys.TRUST_ANY, DRIFT));

        assertEquals(FaultCode.FAILED_AUTHENTICATION, fault.code());
        assertEquals("The NemLog-in assertion signature is invalid", fault.getMessage());
    }

    @Test
    void acceptsAnExpiredAssertionWithinTheDriftAndRefusesItAfterwardsSayingExpired() {
        Instant notOnOrAfter = TestSamlAssertions.oioSamlAssertion().build().conditions().notOnOrAfter().orElseThrow();
        Element assertion = signed(TestSamlAssertions.oioSamlAssertion().build());

        at(notOnOrAfter.plus(DRIFT).minusSeconds(1)).check(assertion, "bootstrap token", issuer -> TestSigningKeys.TRUST_ANY, DRIFT);
        StsFault fault = assertThrows(StsFault.class, () -> at(notOnOrAfter.plus(DRIFT)).check(assertion, "bootstrap token",
                issuer -> TestSigningKeys.TRUST_ANY, DRIFT));

        assertEquals(FaultCode.INVALID_SECURITY_TOKEN, fault.code());
        assertEquals("The bootstrap token expired at 2024-03-01T18:15:30Z", fault.getMessage());
    }

    @Test
    void refusesAnAssertionNotYetValidBeyondTheDrift() {
        Instant notBefore = TestSamlAssertions.oioSamlAssertion().build().conditions().notBefore().orElseThrow();

        StsFault fault = assertThrows(StsFault.class, () -> at(notBefore.minus(DRIFT).minusSeconds(1)).check(
                signed(TestSamlAssertions.oioSamlAssertion().build()), "bootstrap token", issuer -> TestSigningKeys.TRUST_ANY, DRIFT));

        assertEquals(FaultCode.INVALID_SECURITY_TOKEN, fault.code());
        assertEquals("The bootstrap token is not valid before 2024-03-01T10:10:30Z", fault.getMessage());
    }

    @Test
    void refusesAnAssertionThatNeverExpires() {
        SamlAssertion endless = TestSamlAssertions.oioSamlAssertion()
                .conditions(new Conditions(Optional.of(TestSamlAssertions.ISSUED), Optional.empty(), List.of())).build();

        StsFault fault = assertThrows(StsFault.class, () -> assertions.check(signed(endless), "bootstrap token",
                issuer -> TestSigningKeys.TRUST_ANY, DRIFT));

        assertEquals(FaultCode.INVALID_SECURITY_TOKEN, fault.code());
        assertTrue(fault.getMessage().contains("NotOnOrAfter"), fault.getMessage());
    }

    @Test
    void requiresTheAudienceTheStsIsKnownBy() {
        SamlAssertion assertion = TestSamlAssertions.oioSamlAssertion().build();

        IssuerSignedAssertions.requireAudience(assertion, "bootstrap token", TestSamlAssertions.FMK);
        StsFault fault = assertThrows(StsFault.class,
                () -> IssuerSignedAssertions.requireAudience(assertion, "bootstrap token", TestSamlAssertions.STS));

        assertEquals(FaultCode.INVALID_SECURITY_TOKEN, fault.code());
        assertEquals("The bootstrap token is not meant for the STS: its saml:AudienceRestriction does not name \"https://sts.sosi.dk/\"",
                fault.getMessage());
    }

    private static IssuerSignedAssertions at(Instant now) {
        return new IssuerSignedAssertions(new SamlAssertionReader(), new SignatureVerifier(SignaturePolicy.enveloped(
                EnumSet.of(SignatureAlgorithm.RSA_SHA1, SignatureAlgorithm.RSA_SHA256))), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Element signed(SamlAssertion assertion) {
        Element element = new SamlAssertionWriter().write(assertion);
        new XmlSigner(SignatureAlgorithm.RSA_SHA256, SlaLog.NONE).signEnveloped(element, "ID", XmlSigner.Placement.AFTER_ISSUER,
                TestSigningKeys.other().privateKey(), TestSigningKeys.other().certificate());
        return element;
    }
}
