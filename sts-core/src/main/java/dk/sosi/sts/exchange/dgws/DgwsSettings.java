package dk.sosi.sts.exchange.dgws;

import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Immutable. How the DGWS token service behaves, from the bean {@code securityTokenService} in services.xml.
 *
 * @param issuer               the {@code saml:Issuer} of issued id-cards; an XML NCName, as the Seal.Java schema demands
 * @param authenticationLevels the levels the STS issues id-cards for (protocol.md 6): 3 and/or 4
 * @param allowedDrift         clock skew tolerated on the incoming card's times
 * @param maxIdCardAge         how long after its NotBefore an incoming card is still accepted
 * @param dgws10Zone           the zone of DGWS 1.0 times, which carry none
 * @param acceptedAlgorithms   signature algorithms accepted on incoming cards
 * @param hostingProviderSigners subject serial numbers of certificates that may sign cards for another
 *     organisation's CVR (hosting providers signing for their customers); nobody else may
 */
public record DgwsSettings(String issuer, Set<Integer> authenticationLevels, Duration allowedDrift, Duration maxIdCardAge,
        ZoneId dgws10Zone, Set<SignatureAlgorithm> acceptedAlgorithms, Set<String> hostingProviderSigners) {

    /** XML NCName, ASCII subset: no colon, no space, not starting with a digit, '-' or '.'. */
    private static final Pattern NCNAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    public DgwsSettings {
        Objects.requireNonNull(issuer, "issuer");
        if (!NCNAME.matcher(issuer).matches()) {
            throw new IllegalArgumentException("issuer must be an XML NCName (letters, digits, '_', '-', '.'; no ':' or '/'), was '"
                    + issuer + "'");
        }
        authenticationLevels = Set.copyOf(authenticationLevels);
        // Levels 1 and 2 are unsigned cards (protocol.md 6) whose username/password the STS cannot check.
        if (authenticationLevels.isEmpty() || authenticationLevels.stream().anyMatch(l -> l < 3 || l > 4)) {
            throw new IllegalArgumentException("authenticationLevels must be 3, 4 or both, was " + authenticationLevels);
        }
        Objects.requireNonNull(allowedDrift, "allowedDrift");
        Objects.requireNonNull(maxIdCardAge, "maxIdCardAge");
        if (allowedDrift.isNegative() || maxIdCardAge.isNegative() || maxIdCardAge.isZero()) {
            throw new IllegalArgumentException("allowedDrift must not be negative and maxIdCardAge must be positive");
        }
        Objects.requireNonNull(dgws10Zone, "dgws10Zone");
        acceptedAlgorithms = Set.copyOf(acceptedAlgorithms);
        if (acceptedAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("acceptedAlgorithms must not be empty");
        }
        hostingProviderSigners = Set.copyOf(hostingProviderSigners);
    }
}
