package dk.sosi.sts.demo.client;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.backends.DemoBackendData;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.saml.AuthnStatement;
import dk.sosi.sts.token.saml.Conditions;
import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAssertionWriter;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.token.saml.Subject;
import dk.sosi.sts.token.saml.SubjectConfirmation;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * Demo only. What OIOSaml2Sosi's callers hold (exchanges.md 3.2): the OIOSAML 2.0 assertion NemLog-in issues for an
 * employee who logged in to a web application, here issued by the demo NemLog-in IdP of the demo folder, and the
 * healthcare context token the web application writes beside it. Used by the demo client, the benchmark and tests.
 */
public final class NemLogInDemoIdp {

    public static final String ISSUER = "https://saml.demo-nemlog-in.sosi-sts.dk/";
    /** The web application the employee logged in to: the assertion's audience and recipient. */
    public static final String WEB_APPLICATION = "https://webapp.demo.sosi-sts.dk/";
    public static final String IT_SYSTEM_NAME = "Demo Webapp";
    public static final String CVR = "20921897";
    public static final String KARL_RID = "46283716";
    private static final String ORGANISATION = "Demo Lægehus";

    private NemLogInDemoIdp() {
    }

    /**
     * The assertion for the demo employee Karl Hansen as NemLog-in writes it (DK-SAML-2.0, bearer, the attributes of
     * his OCES2 employee certificate {@link DemoClient#EMPLOYEE_MOCES} and his CPR), valid for an hour from
     * {@code now}; change it with the builder's methods.
     */
    public static SamlAssertion.Builder karlHansen(Instant now) {
        Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
        String serial = "CVR:" + CVR + "-RID:" + KARL_RID;
        return SamlAssertion.builder()
                .id("_" + UUID.randomUUID())
                .issueInstant(issued)
                .issuer(ISSUER)
                .subject(Subject.of(NameId.of("C=DK,O=" + ORGANISATION + " // CVR:" + CVR + ",CN=Karl Hansen,Serial=" + serial,
                        NameId.X509_SUBJECT_NAME), SubjectConfirmation.bearer(WEB_APPLICATION, issued.plus(Duration.ofMinutes(5)))))
                .conditions(Conditions.of(issued.minusSeconds(1), issued.plus(Duration.ofHours(1)), WEB_APPLICATION))
                .authnStatement(Optional.of(new AuthnStatement(issued, Optional.of("_" + UUID.randomUUID()),
                        Optional.of(AuthnStatement.X509))))
                .addAttribute(SamlAttribute.basic("urn:oid:2.5.4.4", "Hansen"))
                .addAttribute(SamlAttribute.basic("urn:oid:2.5.4.3", "Karl Hansen"))
                .addAttribute(SamlAttribute.basic("urn:oid:0.9.2342.19200300.100.1.1", serial))
                .addAttribute(SamlAttribute.basic("urn:oid:0.9.2342.19200300.100.1.3", "karl.hansen@demo-laegehus.dk"))
                .addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:AssuranceLevel", "3"))
                .addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:SpecVer", "DK-SAML-2.0"))
                .addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:CvrNumberIdentifier", CVR))
                .addAttribute(SamlAttribute.basic("urn:oid:2.5.4.10", ORGANISATION))
                .addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:RidNumberIdentifier", KARL_RID))
                .addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:CprNumberIdentifier", DemoBackendData.KARL_HANSEN_CPR));
    }

    /** {@code assertion} written and signed by {@code idp} as NemLog-in signs (rsa-sha256, the signature after Issuer). */
    public static Element signed(SamlAssertion assertion, IssuedCredential idp) {
        Element element = new SamlAssertionWriter().write(assertion);
        new XmlSigner(SignatureAlgorithm.RSA_SHA256, SlaLog.NONE).signEnveloped(element, "ID", XmlSigner.Placement.AFTER_ISSUER,
                idp.privateKey(), idp.certificate());
        return element;
    }

    /**
     * The web application's healthcare context token about the subject of {@code assertion} (unsigned, sender-vouches),
     * stating the IT system and, where given, the user's role (UserEducationCode) and authorisation code.
     */
    public static Element contextToken(SamlAssertion assertion, String itSystemName, Optional<String> role,
            Optional<String> authorizationCode) {
        SamlAssertion.Builder token = SamlAssertion.builder()
                .id("_" + UUID.randomUUID())
                .issueInstant(assertion.issueInstant())
                .issuer(itSystemName)
                .subject(new Subject(assertion.subject().nameId(), List.of(new SubjectConfirmation(
                        SubjectConfirmation.SENDER_VOUCHES, Optional.empty(), Optional.empty(), Optional.empty()))))
                .addAttribute(SamlAttribute.basic("dk:healthcare:saml:attribute:ITSystemName", itSystemName));
        role.ifPresent(r -> token.addAttribute(SamlAttribute.basic("dk:healthcare:saml:attribute:UserEducationCode", r)));
        authorizationCode.ifPresent(code -> token.addAttribute(
                SamlAttribute.basic("dk:healthcare:saml:attribute:UserAuthorizationCode", code)));
        return new SamlAssertionWriter().write(token.build());
    }

    /**
     * A request to OIOSaml2Sosi for Karl Hansen in the demo web application (role 7170), his assertion issued at
     * {@code now} and signed by {@code idp}; sign it with {@link OioRequestBuilder#signed}.
     */
    public static OioRequestBuilder request(IssuedCredential idp, Instant now) {
        return request(karlHansen(now).build(), idp);
    }

    /** A request to OIOSaml2Sosi for the user of {@code assertion}, signed by {@code idp}, in the demo web application (role 7170). */
    public static OioRequestBuilder request(SamlAssertion assertion, IssuedCredential idp) {
        return new OioRequestBuilder().actAs(signed(assertion, idp))
                .actAs(contextToken(assertion, IT_SYSTEM_NAME, Optional.of("7170"), Optional.empty()))
                .appliesTo("http://sosi.dk");
    }
}
