package dk.sosi.sts.web;

import static dk.sosi.sts.web.EhdsiFixture.AUDIENCE;
import static dk.sosi.sts.web.EhdsiFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The held OpenNCP headers of ../shared/spec/vectors/ehdsi, turned into DK NCP bootstrap tokens as the national connector
 * does and exchanged at DKNCPBST2EHDSIIdws: the token carries the professional and the country of treatment the connector
 * reads back (a Danish and a Finnish professional), and the header the connector's tests call bad gets a fault.
 */
class EhdsiVectorsSpecTest {

    private static final String SUBJECT_ID = "urn:oasis:names:tc:xspa:1.0:subject:subject-id";
    private static final String COUNTRY = "urn:dk:healthcare:saml:CountryOfTreatment";

    private static EhdsiFixture ehdsi;

    @BeforeAll
    static void start() throws Exception {
        ehdsi = new EhdsiFixture(StsTestServer.shared());
        ehdsi.patientKnown("1011649927", true);
    }

    private static Element exchanged(String vector) throws Exception {
        Element token = ehdsi.signed(ehdsi.token(EhdsiFixture.vector(vector), AUDIENCE));
        return EhdsiFixture.token(ehdsi.answer(ehdsi.signed(request(token, AUDIENCE))));
    }

    @Test
    void exchangeWhenDanishProfessionalsHeaderThenTokenForTheAudienceNamesJohnHouseInDenmark() throws Exception {
        Element token = exchanged("openncp_soap_header.xml");

        assertEquals(AUDIENCE, token.getElementsByTagNameNS(OioClientFixture.SAML, "Audience").item(0).getTextContent());
        assertEquals("house@ehdsi.eu", token.getElementsByTagNameNS(OioClientFixture.SAML, "NameID").item(0).getTextContent());
        assertEquals("John House", OioClientFixture.attribute(token, SUBJECT_ID));
        assertEquals("DK", OioClientFixture.attribute(token, COUNTRY));
        assertEquals("1011649927^^^&1.2.208.176.1.2&ISO", OioClientFixture.attribute(token, "urn:oasis:names:tc:xacml:2.0:resource:resource-id"));
    }

    @Test
    void exchangeWhenFinnishPharmacistsHeaderThenTokenNamesHelviInkinenInFinland() throws Exception {
        Element token = exchanged("openncp_soap_header_namespace_bug_regression.xml");

        assertEquals("Helvi Inkinen", OioClientFixture.attribute(token, SUBJECT_ID));
        assertEquals("FI", OioClientFixture.attribute(token, COUNTRY));
        Instant.parse(((Element) token.getElementsByTagNameNS(OioClientFixture.SAML, "Conditions").item(0)).getAttribute("NotOnOrAfter"));
    }

    @Test
    void exchangeWhenTheConnectorsBadHeaderThenFault() throws Exception {
        Element token = ehdsi.signed(ehdsi.token(EhdsiFixture.vector("openncp_soap_header_bad.xml"), AUDIENCE));

        SoapFaults fault = ehdsi.fault(ehdsi.signed(request(token, AUDIENCE)));

        assertEquals("wst:InvalidSecurityToken", fault.faultcode(), fault.faultstring());
        assertEquals("The DK NCP bootstrap token's patient id \"invalid-cpr^^^&1.2.208.176.1.2&ISO\" is not a Danish CPR number: "
                + "write <cpr>^^^&1.2.208.176.1.2&ISO", fault.faultstring());
    }
}
