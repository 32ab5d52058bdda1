package dk.sosi.sts.configuration;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. One row of {@code sts_audconf.iboConfig}: an audience that Sosi2OIOSaml may issue an
 * OIOSAML assertion to. Components are named after the guide's columns; offsets are milliseconds
 * from the moment of the exchange, as in the table.
 *
 * @param audience the receiving system as a URI in normal form (primary key)
 * @param publicKey base64 certificate or public key the assertion is encrypted for; may contain
 *     line breaks and white space, which readers must ignore (the guide promises that)
 * @param recipientURL where the receiving system is reached
 * @param includeBST whether the id-card/bootstrap token is embedded in the assertion
 * @param deliveryNotOnOrAfterOffset offset for the SubjectConfirmationData NotOnOrAfter
 * @param notBeforeOffset offset for Conditions NotBefore
 * @param notOnOrAfterOffset offset for Conditions NotOnOrAfter
 * @param idCardMaxAgeMins maximum age of the incoming id-card in minutes; {@code null} means the
 *     guide's default of 1440 minutes
 * @param encryption how the assertion is encrypted, e.g. {@code aes128-gcm rsa-oaep} (content encryption and
 *     key transport); absent for the default every deployed client decrypts (not one of the guide's columns)
 */
public record IboConfig(
        String audience,
        String publicKey,
        String recipientURL,
        boolean includeBST,
        long deliveryNotOnOrAfterOffset,
        long notBeforeOffset,
        long notOnOrAfterOffset,
        Integer idCardMaxAgeMins,
        Optional<String> encryption) {

    /** The guide: "Maksimal alder på id-kortet ... default er 1440 min". */
    public static final Duration DEFAULT_ID_CARD_MAX_AGE = Duration.ofMinutes(1440);

    public IboConfig {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(recipientURL, "recipientURL");
        Objects.requireNonNull(encryption, "encryption");
        if (idCardMaxAgeMins != null && idCardMaxAgeMins <= 0) {
            throw new IllegalArgumentException(
                    "iboConfig.idCardMaxAgeMins must be > 0 or null, was " + idCardMaxAgeMins
                            + " for audience " + audience);
        }
    }

    /** A row with the default encryption. */
    public IboConfig(String audience, String publicKey, String recipientURL, boolean includeBST,
            long deliveryNotOnOrAfterOffset, long notBeforeOffset, long notOnOrAfterOffset, Integer idCardMaxAgeMins) {
        this(audience, publicKey, recipientURL, includeBST, deliveryNotOnOrAfterOffset, notBeforeOffset, notOnOrAfterOffset,
                idCardMaxAgeMins, Optional.empty());
    }

    /** The maximum age of the incoming id-card: {@code idCardMaxAgeMins}, or 1440 minutes when unset. */
    public Duration idCardMaxAge() {
        return idCardMaxAgeMins == null ? DEFAULT_ID_CARD_MAX_AGE : Duration.ofMinutes(idCardMaxAgeMins);
    }
}
