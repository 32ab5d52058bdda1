package dk.sosi.sts.token.idcard;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. A DGWS id-card (SOSI id-card, protocol.md 3): what it says, independent of how it is
 * written. Cards are read by {@link IdCardParser} and written by {@link IdCardWriter}; derive a changed
 * card with {@link #toBuilder()}.
 *
 * @param issuer              {@code saml:Issuer}
 * @param nameId              {@code saml:Subject/saml:NameID}
 * @param issueInstant        {@code IssueInstant}
 * @param notBefore           {@code saml:Conditions/@NotBefore}
 * @param notOnOrAfter        {@code saml:Conditions/@NotOnOrAfter}
 * @param idCardId            {@code sosi:IDCardID}
 * @param version             {@code sosi:IDCardVersion}; also decides how times are written
 * @param type                {@code sosi:IDCardType}
 * @param authenticationLevel {@code sosi:AuthenticationLevel}, 1 to 4 (protocol.md 6)
 * @param ocesCertHash        {@code sosi:OCESCertHash}: base64 SHA-1 (28 characters) or SHA-256 (44) of the signing certificate
 * @param userLog             the UserLog statement; required on user cards
 * @param systemLog           the SystemLog statement
 * @param usernameToken       the level-2 {@code wsse:UsernameToken} of the SubjectConfirmationData
 */
public record IdCard(String issuer, NameId nameId, Instant issueInstant, Instant notBefore, Instant notOnOrAfter,
                     String idCardId, DgwsVersion version, IdCardType type, int authenticationLevel,
                     Optional<String> ocesCertHash, Optional<UserLog> userLog, SystemLog systemLog,
                     Optional<UsernameToken> usernameToken) {

    /** The lowest authentication level a card may carry. */
    public static final int MIN_AUTHENTICATION_LEVEL = 1;
    /** The highest authentication level a card may carry; SOSI does not support 5 in cards (protocol.md 6). */
    public static final int MAX_AUTHENTICATION_LEVEL = 4;

    /**
     * @throws IllegalArgumentException if the level is outside 1..4, or a user card has no UserLog
     */
    public IdCard {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(nameId, "nameId");
        Objects.requireNonNull(issueInstant, "issueInstant");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
        Objects.requireNonNull(idCardId, "idCardId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ocesCertHash, "ocesCertHash");
        Objects.requireNonNull(userLog, "userLog");
        Objects.requireNonNull(systemLog, "systemLog");
        Objects.requireNonNull(usernameToken, "usernameToken");
        if (authenticationLevel < MIN_AUTHENTICATION_LEVEL || authenticationLevel > MAX_AUTHENTICATION_LEVEL) {
            throw new IllegalArgumentException("authenticationLevel must be 1 to 4, was " + authenticationLevel);
        }
        if (type == IdCardType.USER && userLog.isEmpty()) {
            throw new IllegalArgumentException("a user card needs a UserLog");
        }
    }

    /** A builder holding this card's values. */
    public Builder toBuilder() {
        return new Builder()
                .issuer(issuer)
                .nameId(nameId)
                .issueInstant(issueInstant)
                .notBefore(notBefore)
                .notOnOrAfter(notOnOrAfter)
                .idCardId(idCardId)
                .version(version)
                .type(type)
                .authenticationLevel(authenticationLevel)
                .ocesCertHash(ocesCertHash)
                .userLog(userLog)
                .systemLog(systemLog)
                .usernameToken(usernameToken);
    }

    /** An empty builder; the optional components start empty, everything else must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Not thread-safe. Builds an {@link IdCard}; {@link #build()} checks what the card's constructor checks. */
    public static final class Builder {
        private String issuer;
        private NameId nameId;
        private Instant issueInstant;
        private Instant notBefore;
        private Instant notOnOrAfter;
        private String idCardId;
        private DgwsVersion version;
        private IdCardType type;
        private int authenticationLevel;
        private Optional<String> ocesCertHash = Optional.empty();
        private Optional<UserLog> userLog = Optional.empty();
        private SystemLog systemLog;
        private Optional<UsernameToken> usernameToken = Optional.empty();

        private Builder() {
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder nameId(NameId nameId) {
            this.nameId = nameId;
            return this;
        }

        public Builder issueInstant(Instant issueInstant) {
            this.issueInstant = issueInstant;
            return this;
        }

        public Builder notBefore(Instant notBefore) {
            this.notBefore = notBefore;
            return this;
        }

        public Builder notOnOrAfter(Instant notOnOrAfter) {
            this.notOnOrAfter = notOnOrAfter;
            return this;
        }

        public Builder idCardId(String idCardId) {
            this.idCardId = idCardId;
            return this;
        }

        public Builder version(DgwsVersion version) {
            this.version = version;
            return this;
        }

        public Builder type(IdCardType type) {
            this.type = type;
            return this;
        }

        public Builder authenticationLevel(int authenticationLevel) {
            this.authenticationLevel = authenticationLevel;
            return this;
        }

        public Builder ocesCertHash(Optional<String> ocesCertHash) {
            this.ocesCertHash = ocesCertHash;
            return this;
        }

        public Builder userLog(Optional<UserLog> userLog) {
            this.userLog = userLog;
            return this;
        }

        public Builder systemLog(SystemLog systemLog) {
            this.systemLog = systemLog;
            return this;
        }

        public Builder usernameToken(Optional<UsernameToken> usernameToken) {
            this.usernameToken = usernameToken;
            return this;
        }

        public IdCard build() {
            return new IdCard(issuer, nameId, issueInstant, notBefore, notOnOrAfter, idCardId, version, type,
                    authenticationLevel, ocesCertHash, userLog, systemLog, usernameToken);
        }
    }
}
