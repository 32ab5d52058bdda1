package dk.sosi.sts.xmldsig;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * Immutable. A signature that verified: the certificate whose key made it (already past the
 * {@link SignerCheck}) and the elements its references actually reached, each exactly once.
 */
public record VerifiedSignature(X509Certificate certificate, List<Element> covered) {

    public VerifiedSignature {
        Objects.requireNonNull(certificate, "certificate");
        covered = List.copyOf(covered);
    }

    /** True when the signature covers exactly this element (node identity, not equality). */
    public boolean covers(Element element) {
        return covered.stream().anyMatch(e -> e == element);
    }
}
