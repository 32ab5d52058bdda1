package dk.sosi.sts.exchange.citizen;

import dk.sosi.sts.backend.personinformation.PersonInformationService;
import dk.sosi.sts.backend.procuration.ProcurationService;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.saml.SamlAttribute;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.w3c.dom.Element;

/**
 * Thread-safe. A citizen acting for someone else (exchanges.md 3.4 step 11): reads the claim {@value #CLAIM}, checks that
 * the citizen may act for the person it names, and says which attributes the issued token gets for it and whose data
 * is viewed. The four forms of the claim:
 * <ul>
 * <li>{@code urn:dk:healthcare:saml:actThroughProcurationBy:cprNumberIdentifier:<cpr>}: the procuration service must
 * know privileges that {@code <cpr>} (grantor) gave the citizen (grantee); they become {@value #PRIVILEGES}, a base64
 * {@code bpp:PrivilegeList} with one {@code bpp:PrivilegeGroup Scope="<the claim>"} holding a {@code bpp:Privilege}
 * per privilege, in the service's order (OQ-12);</li>
 * <li>{@code urn:dk:healthcare:saml:actThrough:ParentalCustody:cprNumberIdentifier:<cpr>}: the person information
 * service must list {@code <cpr>} among the children in the citizen's parental custody;</li>
 * <li>{@code urn:dk:healthcare:saml:actThrough:WardCustody:cprNumberIdentifier:<cpr>} and
 * {@code …:PartlyWardCustody:…}: the message signer must be an {@code srp.ward.certificate} of the audience; the STS
 * looks up no guardianship (the guide demands only this whitelist).</li>
 * </ul>
 * A custody relation becomes {@value #SUBJECT_RELATIONS}, a base64 {@code srp:SubjectRelations} with one
 * {@code srp:VerifiedRelation relatedPersonID="<cpr>" relation="ParentalCustody|WardCustody|PartlyWardCustody"}
 * (OQ-14: the name of the relation attribute is our choice). A claim of no known form, or naming no CPR number, is
 * {@code wst:InvalidRequest}; a relation that does not hold is {@code wst:FailedAuthentication}; a backend that does
 * not answer fails the request with {@code wst:RequestFailed}.
 */
public final class OnBehalfOf {

    public static final String CLAIM = "dk:healthcare:saml:attribute:OnBehalfOf";
    public static final String PRIVILEGES = "dk:gov:saml:attribute:Privileges_intermediate";
    public static final String SUBJECT_RELATIONS = "urn:dk:healthcare:saml:attribute:SubjectRelations";
    public static final String BPP = "http://itst.dk/oiosaml/basic_privilege_profile";
    public static final String SRP = "urn:dk:healthcare:saml:subject_relations_profile:1.1";

    /** The claim's forms. */
    static final String UNKNOWN_FORM = "The claim " + CLAIM + " must be one of %s followed by a CPR number of 10 digits; was %s";
    static final String ONESELF = "The claim " + CLAIM + " names the citizen themselves";
    static final String NO_PROCURATION =
            "Authentication failed: the procuration service knows no procuration from the person in " + CLAIM + " to the citizen";
    static final String NO_CUSTODY =
            "Authentication failed: the person in " + CLAIM + " is not in the citizen's parental custody";
    /** Relation, signer, audience. */
    static final String WARD_NOT_ALLOWED =
            "Authentication failed: the signer %s may not claim %s for audience %s (no srp.ward.certificate)";

    private static final Pattern CPR = Pattern.compile("\\d{10}");

    /** Immutable. The four ways of acting for someone else, with the claim's prefix. */
    public enum Relation {
        PROCURATION("urn:dk:healthcare:saml:actThroughProcurationBy:cprNumberIdentifier:"),
        PARENTAL_CUSTODY("urn:dk:healthcare:saml:actThrough:ParentalCustody:cprNumberIdentifier:"),
        WARD_CUSTODY("urn:dk:healthcare:saml:actThrough:WardCustody:cprNumberIdentifier:"),
        PARTLY_WARD_CUSTODY("urn:dk:healthcare:saml:actThrough:PartlyWardCustody:cprNumberIdentifier:");

        private final String prefix;

        Relation(String prefix) {
            this.prefix = prefix;
        }

        /** The claim's value up to the CPR number. */
        public String prefix() {
            return prefix;
        }

        /** The relation's name in the claim and in {@code srp:VerifiedRelation/@relation}, e.g. {@code WardCustody}. */
        String relationName() {
            String[] parts = prefix.split(":");
            return parts[parts.length - 2];
        }
    }

    /**
     * Immutable. What acting for someone else adds to the request.
     *
     * @param relation   the claimed relation; empty when the citizen acts for themselves
     * @param viewedCpr  whose data is viewed: the person in the claim, else the citizen (IDSAS blurring asks for it)
     * @param attributes the attributes to add to the issued token; none when the citizen acts for themselves
     */
    public record Acting(Optional<Relation> relation, String viewedCpr, List<SamlAttribute> attributes) {

        public Acting {
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(viewedCpr, "viewedCpr");
            attributes = List.copyOf(attributes);
        }
    }

    private final ProcurationService procuration;
    private final PersonInformationService personInformation;

    public OnBehalfOf(ProcurationService procuration, PersonInformationService personInformation) {
        this.procuration = Objects.requireNonNull(procuration, "procuration");
        this.personInformation = Objects.requireNonNull(personInformation, "personInformation");
    }

    /**
     * Checks the claim and returns what it adds.
     *
     * @param claim        the value of the request's claim {@value #CLAIM}, if it has one
     * @param citizenCpr   the CPR number of the authenticated citizen
     * @param signer       the subject serial number of the message signer's certificate
     * @param audience     the audience the token is issued for
     * @throws StsFault    {@code wst:InvalidRequest} for a claim of no known form, {@code wst:FailedAuthentication} when
     *                     the relation does not hold
     * @throws dk.sosi.sts.backend.BackendUnavailableException when the procuration or person information service fails
     */
    public Acting check(Optional<String> claim, String citizenCpr, String signer, CitizenAudience audience, RequestContext request) {
        Objects.requireNonNull(citizenCpr, "citizenCpr");
        Optional<String> value = claim.map(String::strip).filter(text -> !text.isEmpty());
        if (value.isEmpty()) {
            return new Acting(Optional.empty(), citizenCpr, List.of());
        }
        Relation relation = Arrays.stream(Relation.values()).filter(r -> value.get().startsWith(r.prefix())).findFirst()
                .orElseThrow(() -> unknownForm(value.get()));
        String other = value.get().substring(relation.prefix().length());
        if (!CPR.matcher(other).matches()) {
            throw unknownForm(value.get());
        }
        if (other.equals(citizenCpr)) {
            throw new StsFault(FaultCode.INVALID_REQUEST, ONESELF);
        }
        SamlAttribute attribute = switch (relation) {
            case PROCURATION -> privileges(value.get(), procuredPrivileges(other, citizenCpr, request));
            case PARENTAL_CUSTODY -> {
                if (!personInformation.childrenInCustody(citizenCpr, request).contains(other)) {
                    throw new StsFault(FaultCode.FAILED_AUTHENTICATION, NO_CUSTODY);
                }
                yield subjectRelation(relation, other);
            }
            case WARD_CUSTODY, PARTLY_WARD_CUSTODY -> {
                if (!audience.wardSigners().contains(signer)) {
                    throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(WARD_NOT_ALLOWED,
                            CallerText.quote(signer), relation.relationName(), CallerText.quote(audience.audience())));
                }
                yield subjectRelation(relation, other);
            }
        };
        return new Acting(Optional.of(relation), other, List.of(attribute));
    }

    private List<String> procuredPrivileges(String grantor, String grantee, RequestContext request) {
        List<String> privileges = procuration.getProcurationPrivileges(grantor, grantee, request);
        if (privileges.isEmpty()) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, NO_PROCURATION);
        }
        return privileges;
    }

    private static SamlAttribute privileges(String scope, List<String> privileges) {
        ProfileXml xml = new ProfileXml(BPP, "bpp", "PrivilegeList");
        Element group = xml.add(xml.root(), "PrivilegeGroup");
        group.setAttributeNS(null, "Scope", scope);
        privileges.forEach(privilege -> xml.add(group, "Privilege", privilege));
        return SamlAttribute.basic(PRIVILEGES, xml.base64());
    }

    private static SamlAttribute subjectRelation(Relation relation, String relatedCpr) {
        ProfileXml xml = new ProfileXml(SRP, "srp", "SubjectRelations");
        Element verified = xml.add(xml.root(), "VerifiedRelation");
        verified.setAttributeNS(null, "relatedPersonID", relatedCpr);
        verified.setAttributeNS(null, "relation", relation.relationName());
        return SamlAttribute.basic(SUBJECT_RELATIONS, xml.base64());
    }

    private static StsFault unknownForm(String value) {
        String forms = Arrays.stream(Relation.values()).map(Relation::prefix).collect(Collectors.joining(", "));
        return new StsFault(FaultCode.INVALID_REQUEST, String.format(UNKNOWN_FORM, forms, CallerText.quote(value)));
    }
}
