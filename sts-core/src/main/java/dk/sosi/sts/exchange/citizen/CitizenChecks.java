package dk.sosi.sts.exchange.citizen;

import dk.sosi.sts.exchange.oio.OioRequest;
import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.token.saml.SamlAttribute;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Thread-safe. What every citizen exchange (Bst2Idws, JWT2Idws, JWT2OIOSaml) checks and adds once it knows the
 * citizen's CPR: the minimum age, acting for someone else (the {@code OnBehalfOf} claim: procuration, custody, ward)
 * and, for an audience with {@code blurring}, the blurring instructions for the person whose data is viewed.
 */
public final class CitizenChecks {

    private final MinimumAge minimumAge;
    private final OnBehalfOf onBehalfOf;
    private final Blurring blurring;

    public CitizenChecks(MinimumAge minimumAge, OnBehalfOf onBehalfOf, Blurring blurring) {
        this.minimumAge = Objects.requireNonNull(minimumAge, "minimumAge");
        this.onBehalfOf = Objects.requireNonNull(onBehalfOf, "onBehalfOf");
        this.blurring = Objects.requireNonNull(blurring, "blurring");
    }

    /** The attributes the citizen's token gets besides its own (privileges, subject relations, blurring), once checked. */
    public List<SamlAttribute> check(String cpr, CitizenAudience audience, OioRequest request) {
        minimumAge.check(cpr);
        OnBehalfOf.Acting acting = onBehalfOf.check(request.token().claim(OnBehalfOf.CLAIM), cpr,
                signer(request.caller().certificate().orElseThrow()), audience, request.context());
        List<SamlAttribute> attributes = new ArrayList<>(acting.attributes());
        blurring.attributeFor(audience, acting.viewedCpr(), request.context()).ifPresent(attributes::add);
        return attributes;
    }

    /** The signer's subject serial number, as {@code srp.ward.certificate} names callers. */
    private static String signer(X509Certificate certificate) {
        try {
            return CertificateNames.subjectSerialNumber(certificate);
        } catch (IllegalArgumentException e) {
            return certificate.getSubjectX500Principal().getName();
        }
    }
}
