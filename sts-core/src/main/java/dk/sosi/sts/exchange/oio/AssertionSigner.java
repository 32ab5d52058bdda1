package dk.sosi.sts.exchange.oio;

import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.token.saml.ParsedAssertion;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAssertionWriter;
import dk.sosi.sts.trust.StsKeys;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * Thread-safe. The issue step every OIO exchange ends with: a SAML 2.0 assertion written exactly as strict
 * clients validate it and signed by the STS right after its Issuer (exchanges.md 2.8 S2), with the same key
 * as the answer's message signature (R1).
 */
public final class AssertionSigner {

    private final SamlAssertionWriter writer;
    private final XmlSigner signer;
    private final StsKeys keys;

    public AssertionSigner(SamlAssertionWriter writer, XmlSigner signer, StsKeys keys) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The signed assertion, the root of a document of its own. */
    public Element sign(SamlAssertion assertion, RequestContext request) {
        Element written = writer.write(assertion);
        signer.signEnveloped(written, ParsedAssertion.ID_ATTRIBUTE, XmlSigner.Placement.AFTER_ISSUER, keys.at(request.receivedAt()), request);
        return written;
    }
}
