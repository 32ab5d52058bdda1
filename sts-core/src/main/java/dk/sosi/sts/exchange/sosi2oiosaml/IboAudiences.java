package dk.sosi.sts.exchange.sosi2oiosaml;

import dk.sosi.sts.configuration.IboConfig;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.pki.Certificates;
import dk.sosi.sts.trust.CertificateValidity;
import dk.sosi.sts.xmlenc.EncryptionPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe. The receiving systems of {@code sts_audconf.iboConfig}: the row of a request's audience, and
 * the certificate and encryption its assertion is encrypted with. An audience is "a URI in normal form"
 * (the guide), so both sides are compared with scheme and host in lower case and a default port dropped.
 */
public final class IboAudiences {

    static final String NO_AUDIENCE = "The request names no audience: wsp:AppliesTo/wsa:EndpointReference/wsa:Address is missing";
    static final String NOT_CONFIGURED = "Audience not configured: %s";
    static final String BAD_PUBLIC_KEY = "The iboConfig publicKey of audience %s is not a base64 X.509 certificate";
    static final String BAD_TARGET = "The encryption certificate of audience %s cannot be used: %s";
    static final String BAD_ENCRYPTION = "The iboConfig encryption of audience %s is not valid: %s";

    private final StsConfiguration configuration;
    private final CertificateValidity validity;
    private final boolean checkTargetCertificate;

    public IboAudiences(StsConfiguration configuration, CertificateValidity validity, boolean checkTargetCertificate) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.checkTargetCertificate = checkTargetCertificate;
    }

    /** The row of {@code audience}; {@code wst:InvalidScope} when there is none. */
    public IboConfig find(Optional<String> audience) {
        String requested = audience.orElseThrow(() -> new StsFault(FaultCode.INVALID_SCOPE, NO_AUDIENCE));
        String normal = normalise(requested);
        return configuration.current().iboConfig().stream().filter(row -> normalise(row.audience()).equals(normal))
                .findFirst()
                .orElseThrow(() -> new StsFault(FaultCode.INVALID_SCOPE, String.format(NOT_CONFIGURED, CallerText.quote(requested))));
    }

    /**
     * The certificate in the row's {@code publicKey}, checked (validity, revocation) when
     * {@code checkTargetCertificate} is on; {@code wst:RequestFailed} when it cannot be used: the STS's
     * configuration is at fault, not the caller.
     */
    public X509Certificate encryptionCertificate(IboConfig row) {
        X509Certificate certificate = Certificates.fromBase64(row.publicKey()).orElseThrow(() -> new StsFault(FaultCode.REQUEST_FAILED, String.format(BAD_PUBLIC_KEY, row.audience())));
        if (checkTargetCertificate) {
            try {
                validity.check(certificate);
            } catch (StsFault invalid) {
                throw new StsFault(FaultCode.REQUEST_FAILED, String.format(BAD_TARGET, row.audience(), invalid.getMessage()));
            }
        }
        return certificate;
    }

    /** The row's encryption, or the default every deployed client decrypts. */
    public EncryptionPolicy encryption(IboConfig row) {
        if (row.encryption().isEmpty()) {
            return EncryptionPolicy.DEFAULT;
        }
        String[] names = row.encryption().get().strip().split("\\s+");
        try {
            if (names.length != 2) {
                throw new IllegalArgumentException("expected a content encryption and a key transport, e.g. 'aes128-gcm rsa-oaep'");
            }
            return EncryptionPolicy.of(names[0], names[1]);
        } catch (IllegalArgumentException e) {
            throw new StsFault(FaultCode.REQUEST_FAILED, String.format(BAD_ENCRYPTION, row.audience(), e.getMessage()));
        }
    }

    /** Scheme and host in lower case, a default port dropped; anything that is no URI stays as it is. */
    static String normalise(String audience) {
        String trimmed = audience.strip();
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return trimmed;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                    + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 || defaultPort ? "" : ":" + port)
                    + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        } catch (URISyntaxException e) {
            return trimmed;
        }
    }
}
