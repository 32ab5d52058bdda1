package dk.sosi.sts.exchange.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.backend.personinformation.PersonInformationService;
import dk.sosi.sts.backend.procuration.ProcurationService;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.exchange.TestRequests;
import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class OnBehalfOfTest {

    private static final String CITIZEN = "0505651234";
    private static final String CHILD = "1503154321";
    private static final String GRANTOR = "0707451122";
    private static final String PROCURATION = "urn:dk:healthcare:saml:actThroughProcurationBy:cprNumberIdentifier:" + GRANTOR;
    private static final String PARENTAL = "urn:dk:healthcare:saml:actThrough:ParentalCustody:cprNumberIdentifier:" + CHILD;
    private static final String WARD = "urn:dk:healthcare:saml:actThrough:WardCustody:cprNumberIdentifier:" + CHILD;
    private static final String PARTLY_WARD = "urn:dk:healthcare:saml:actThrough:PartlyWardCustody:cprNumberIdentifier:" + CHILD;

    private final List<String> calls = new ArrayList<>();
    private List<String> privileges = List.of("urn:privilege:read", "urn:privilege:write");
    private Set<String> children = Set.of(CHILD);

    private final ProcurationService procuration = (grantor, grantee, request) -> {
        calls.add("procuration " + grantor + " -> " + grantee);
        return privileges;
    };

    private final PersonInformationService personInformation = new PersonInformationService() {
        @Override
        public Set<String> childrenInCustody(String cpr, RequestContext request) {
            calls.add("custody " + cpr);
            return children;
        }

        @Override
        public boolean isValid(String cpr, RequestContext request) {
            throw new AssertionError("not asked");
        }
    };

    private final OnBehalfOf onBehalfOf = new OnBehalfOf(procuration, personInformation);

    private OnBehalfOf.Acting check(String claim, String signer) {
        return onBehalfOf.check(Optional.ofNullable(claim), CITIZEN, signer, TestAudiences.minlog(null), TestRequests.ANY);
    }

    @Test
    void checkWhenNoClaimThenTheCitizenViewsOwnDataWithoutAttributesOrCalls() {
        OnBehalfOf.Acting acting = check(null, TestAudiences.OTHER_SIGNER);

        assertEquals(new OnBehalfOf.Acting(Optional.empty(), CITIZEN, List.of()), acting);
        assertEquals(new OnBehalfOf.Acting(Optional.empty(), CITIZEN, List.of()), check("  ", TestAudiences.OTHER_SIGNER));
        assertTrue(calls.isEmpty());
    }

    @Test
    void checkWhenProcurationGrantedThenPrivilegesIntermediateScopedToTheClaim() throws Exception {
        OnBehalfOf.Acting acting = check(" " + PROCURATION + " ", TestAudiences.OTHER_SIGNER);

        assertEquals(List.of("procuration " + GRANTOR + " -> " + CITIZEN), calls);
        assertEquals(Optional.of(OnBehalfOf.Relation.PROCURATION), acting.relation());
        assertEquals(GRANTOR, acting.viewedCpr());
        SamlAttribute attribute = acting.attributes().get(0);
        assertEquals(1, acting.attributes().size());
        assertEquals("dk:gov:saml:attribute:Privileges_intermediate", attribute.name());
        assertEquals(Optional.of(SamlAttribute.BASIC), attribute.nameFormat());
        Element list = decoded(attribute);
        assertEquals("http://itst.dk/oiosaml/basic_privilege_profile", list.getNamespaceURI());
        assertEquals("bpp:PrivilegeList", list.getTagName());
        Element group = (Element) list.getFirstChild();
        assertEquals("bpp:PrivilegeGroup", group.getTagName());
        assertEquals(OnBehalfOf.BPP, group.getNamespaceURI());
        assertEquals(PROCURATION, group.getAttribute("Scope"));
        assertEquals(2, group.getChildNodes().getLength());
        assertEquals("urn:privilege:read", group.getChildNodes().item(0).getTextContent());
        assertEquals("bpp:Privilege", ((Element) group.getChildNodes().item(1)).getTagName());
        assertEquals("urn:privilege:write", group.getChildNodes().item(1).getTextContent());
    }

    @Test
    void checkWhenProcurationHasNoPrivilegesThenFailedAuthentication() {
        privileges = List.of();

        StsFault fault = assertThrows(StsFault.class, () -> check(PROCURATION, TestAudiences.OTHER_SIGNER));

        assertEquals(FaultCode.FAILED_AUTHENTICATION, fault.code());
        assertEquals("Authentication failed: the procuration service knows no procuration from the person in"
                + " dk:healthcare:saml:attribute:OnBehalfOf to the citizen", fault.getMessage());
    }

    @Test
    void checkWhenProcurationServiceDownThenBackendUnavailablePassesThrough() {
        OnBehalfOf down = new OnBehalfOf((grantor, grantee, request) -> {
            throw new BackendUnavailableException(ProcurationService.SERVICE_NAME, "no answer", null);
        }, personInformation);

        assertThrows(BackendUnavailableException.class,
                () -> down.check(Optional.of(PROCURATION), CITIZEN, TestAudiences.OTHER_SIGNER, TestAudiences.minlog(null), TestRequests.ANY));
    }

    @Test
    void checkWhenChildInTheCitizensCustodyThenVerifiedParentalCustodyRelation() throws Exception {
        OnBehalfOf.Acting acting = check(PARENTAL, TestAudiences.OTHER_SIGNER);

        assertEquals(List.of("custody " + CITIZEN), calls);
        assertEquals(CHILD, acting.viewedCpr());
        assertRelation(acting, "ParentalCustody");
    }

    @Test
    void checkWhenChildNotInTheCitizensCustodyThenFailedAuthentication() {
        children = Set.of("0101104321");

        StsFault fault = assertThrows(StsFault.class, () -> check(PARENTAL, TestAudiences.OTHER_SIGNER));

        assertEquals(FaultCode.FAILED_AUTHENTICATION, fault.code());
        assertEquals("Authentication failed: the person in dk:healthcare:saml:attribute:OnBehalfOf is not in the citizen's"
                + " parental custody", fault.getMessage());
    }

    @Test
    void checkWhenWardCustodyBySrpWardSignerThenVerifiedRelationWithoutAnyLookup() throws Exception {
        assertRelation(check(WARD, TestAudiences.WARD_SIGNER), "WardCustody");
        assertRelation(check(PARTLY_WARD, TestAudiences.WARD_SIGNER), "PartlyWardCustody");
        assertTrue(calls.isEmpty());
    }

    @Test
    void checkWhenWardCustodyByOtherSignerThenFailedAuthenticationNamingSignerAndAudience() {
        StsFault fault = assertThrows(StsFault.class, () -> check(PARTLY_WARD, TestAudiences.OTHER_SIGNER));

        assertEquals(FaultCode.FAILED_AUTHENTICATION, fault.code());
        assertEquals("Authentication failed: the signer \"" + TestAudiences.OTHER_SIGNER + "\" may not claim PartlyWardCustody"
                + " for audience \"https://minlog\" (no srp.ward.certificate)", fault.getMessage());
        assertTrue(calls.isEmpty());
    }

    @Test
    void checkWhenClaimOfUnknownFormOrWithoutCprThenInvalidRequestListingTheForms() {
        for (String claim : List.of("urn:dk:healthcare:saml:actThrough:Friendship:cprNumberIdentifier:" + CHILD,
                "urn:dk:healthcare:saml:actThrough:ParentalCustody:cprNumberIdentifier:15031543",
                "urn:dk:healthcare:saml:actThrough:ParentalCustody:cprNumberIdentifier:")) {
            StsFault fault = assertThrows(StsFault.class, () -> check(claim, TestAudiences.OTHER_SIGNER), claim);

            assertEquals(FaultCode.INVALID_REQUEST, fault.code());
            assertTrue(fault.getMessage().startsWith("The claim dk:healthcare:saml:attribute:OnBehalfOf must be one of"
                    + " urn:dk:healthcare:saml:actThroughProcurationBy:cprNumberIdentifier:, "), fault.getMessage());
            assertTrue(fault.getMessage().endsWith(" followed by a CPR number of 10 digits; was " + CallerText.quote(claim)),
                    fault.getMessage());
        }
        assertTrue(calls.isEmpty());
    }

    @Test
    void checkWhenClaimNamesTheCitizenThenInvalidRequest() {
        StsFault fault = assertThrows(StsFault.class, () -> check(
                "urn:dk:healthcare:saml:actThrough:ParentalCustody:cprNumberIdentifier:" + CITIZEN, TestAudiences.OTHER_SIGNER));

        assertEquals(FaultCode.INVALID_REQUEST, fault.code());
        assertEquals("The claim dk:healthcare:saml:attribute:OnBehalfOf names the citizen themselves", fault.getMessage());
    }

    private static void assertRelation(OnBehalfOf.Acting acting, String relation) throws Exception {
        assertEquals(1, acting.attributes().size());
        SamlAttribute attribute = acting.attributes().get(0);
        assertEquals("urn:dk:healthcare:saml:attribute:SubjectRelations", attribute.name());
        Element relations = decoded(attribute);
        assertEquals("urn:dk:healthcare:saml:subject_relations_profile:1.1", relations.getNamespaceURI());
        assertEquals("srp:SubjectRelations", relations.getTagName());
        Element verified = (Element) relations.getFirstChild();
        assertEquals("srp:VerifiedRelation", verified.getTagName());
        assertEquals(OnBehalfOf.SRP, verified.getNamespaceURI());
        assertEquals(CHILD, verified.getAttribute("relatedPersonID"));
        assertEquals(relation, verified.getAttribute("relation"));
    }

    private static Element decoded(SamlAttribute attribute) throws Exception {
        byte[] xml = Base64.getDecoder().decode(attribute.firstText().orElseThrow());
        return SecureXml.parse(new ByteArrayInputStream(xml)).getDocumentElement();
    }
}
