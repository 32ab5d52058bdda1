package dk.sosi.sts.exchange.dgws;

import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.IdCardType;
import dk.sosi.sts.token.idcard.ParsedIdCard;
import dk.sosi.sts.token.idcard.SystemLog;
import dk.sosi.sts.trust.OcesCertificate;
import dk.sosi.sts.xmldsig.EnvelopedSignatureVerifier;
import dk.sosi.sts.xmldsig.SignerCheck;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Thread-safe. Checks a self-signed id-card the way the DGWS token service must before it vouches for
 * it: authentication level, the signer's trust (before its signature is computed, so an unknown signer
 * costs nothing), XML signature over the card alone, the organisation the signer vouches for,
 * OCESCertHash, validity window and age. Each refusal is a distinct fault that tells the caller what to fix.
 */
public final class IncomingIdCardValidator {

    static final String LEVEL_NOT_ISSUED = "The STS issues id-cards for authentication levels %s only; this card has level %d";
    static final String LEVEL_4_NEEDS_USER = "An id-card of authentication level 4 must be a user card";
    static final String LEVEL_4_NEEDS_PERSONAL_CERTIFICATE =
            "Authentication level 4 requires a card signed with an employee (MOCES) or personal certificate; it was signed by %s";
    static final String LEVEL_3_NEEDS_SYSTEM_CERTIFICATE =
            "Authentication level 3 requires a card signed with a company or function (VOCES/FOCES) certificate; it was signed by %s";
    /** The card's CareProviderID, the signer's CVR. */
    static final String NOT_THE_SIGNERS_ORGANISATION =
            "The id-card's medcom:CareProviderID %s is not the CVR %s of the certificate that signed it; only a listed "
            + "hosting provider may sign for another organisation";
    /** The card's CareProviderID, the signer's subject serial number. */
    static final String NO_ORGANISATION_PROVEN =
            "The id-card's medcom:CareProviderID %s cannot be vouched for: the certificate %s that signed it names no "
            + "organisation (organizationIdentifier NTRDK-<cvr>)";
    static final String HASH_MISMATCH = "The id-card's sosi:OCESCertHash does not match the certificate that signed it";
    static final String NOT_YET_VALID = "The id-card is not valid before %s";
    static final String EXPIRED = "The id-card expired at %s";
    static final String TOO_OLD = "The id-card is older than the %d minutes the STS accepts (NotBefore %s)";
    static final String ISSUED_IN_FUTURE = "The id-card's IssueInstant %s lies in the future";

    private static final String CVR_NUMBER = "medcom:cvrnumber";

    private final DgwsSettings settings;
    private final EnvelopedSignatureVerifier signatures;
    private final SignerCheck trust;
    private final Clock clock;

    public IncomingIdCardValidator(DgwsSettings settings, EnvelopedSignatureVerifier signatures, SignerCheck trust,
            Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ValidatedIdCard validate(ParsedIdCard parsed) {
        IdCard card = parsed.card();
        checkLevel(card);
        X509Certificate certificate = signatures.verify(parsed.element(), parsed.idAttribute(), trust);
        OcesCertificate signer = OcesCertificate.of(certificate);
        checkSignerFitsLevel(card, signer);
        checkOrganisation(card, signer);
        String hash = checkHash(card, certificate);
        checkTime(card);
        return new ValidatedIdCard(card, signer, hash);
    }

    private void checkLevel(IdCard card) {
        if (!settings.authenticationLevels().contains(card.authenticationLevel())) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(LEVEL_NOT_ISSUED,
                    new TreeSet<>(settings.authenticationLevels()), card.authenticationLevel()));
        }
        if (card.authenticationLevel() == 4 && card.type() != IdCardType.USER) {
            throw new StsFault(FaultCode.AUTHENTICATION_BAD_ELEMENTS, LEVEL_4_NEEDS_USER);
        }
    }

    private static void checkSignerFitsLevel(IdCard card, OcesCertificate signer) {
        boolean personal = signer.kind() == OcesCertificate.Kind.EMPLOYEE || signer.kind() == OcesCertificate.Kind.PERSON;
        if (card.authenticationLevel() == 4 && !personal) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION,
                    String.format(LEVEL_4_NEEDS_PERSONAL_CERTIFICATE, signer.subjectSerialNumber()));
        }
        if (card.authenticationLevel() == 3 && signer.kind() != OcesCertificate.Kind.SYSTEM) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION,
                    String.format(LEVEL_3_NEEDS_SYSTEM_CERTIFICATE, signer.subjectSerialNumber()));
        }
    }

    /**
     * A certificate that proves an organisation signs only for that organisation, unless it is a listed
     * hosting provider. An organisation's or employee's certificate that proves none (OCES3 without a
     * usable organizationIdentifier) cannot vouch for a CVR at all.
     */
    private void checkOrganisation(IdCard card, OcesCertificate signer) {
        SystemLog system = card.systemLog();
        if (!CVR_NUMBER.equals(system.careProviderIdFormat()) || settings.hostingProviderSigners().contains(signer.subjectSerialNumber())) {
            return;
        }
        String claimed = system.careProviderId().trim();
        if (signer.cvr().isPresent() && !claimed.equals(signer.cvr().get())) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION,
                    String.format(NOT_THE_SIGNERS_ORGANISATION, CallerText.quote(claimed), signer.cvr().get()));
        }
        boolean organisational = signer.kind() == OcesCertificate.Kind.SYSTEM || signer.kind() == OcesCertificate.Kind.EMPLOYEE;
        if (signer.cvr().isEmpty() && organisational) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION,
                    String.format(NO_ORGANISATION_PROVEN, CallerText.quote(claimed), signer.subjectSerialNumber()));
        }
    }

    /** SHA-1 (28 characters, Seal) or SHA-256 (44 characters, newer clients) of the DER certificate. */
    private static String checkHash(IdCard card, X509Certificate certificate) {
        String sha1 = hash("SHA-1", certificate);
        if (card.ocesCertHash().isEmpty()) {
            return sha1;
        }
        String given = card.ocesCertHash().get().trim();
        String expected = given.length() == 44 ? hash("SHA-256", certificate) : sha1;
        if (!MessageDigest.isEqual(given.getBytes(), expected.getBytes())) {
            throw new StsFault(FaultCode.AUTHENTICATION_BAD_ELEMENTS, HASH_MISMATCH);
        }
        return given;
    }

    private void checkTime(IdCard card) {
        Instant now = clock.instant();
        if (now.plus(settings.allowedDrift()).isBefore(card.notBefore())) {
            throw new StsFault(FaultCode.EXPIRED_DATA, String.format(NOT_YET_VALID, card.notBefore()));
        }
        if (now.plus(settings.allowedDrift()).isBefore(card.issueInstant())) {
            throw new StsFault(FaultCode.EXPIRED_DATA, String.format(ISSUED_IN_FUTURE, card.issueInstant()));
        }
        if (!now.minus(settings.allowedDrift()).isBefore(card.notOnOrAfter())) {
            throw new StsFault(FaultCode.EXPIRED_DATA, String.format(EXPIRED, card.notOnOrAfter()));
        }
        if (now.minus(settings.allowedDrift()).isAfter(card.notBefore().plus(settings.maxIdCardAge()))) {
            throw new StsFault(FaultCode.EXPIRED_DATA,
                    String.format(TOO_OLD, settings.maxIdCardAge().toMinutes(), card.notBefore()));
        }
    }

    static String hash(String algorithm, X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot hash the signing certificate", e);
        }
    }
}
