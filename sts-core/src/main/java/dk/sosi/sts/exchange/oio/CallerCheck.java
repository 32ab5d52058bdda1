package dk.sosi.sts.exchange.oio;

import dk.sosi.sts.exchange.Caller;
import dk.sosi.sts.exchange.IncomingRequest;
import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.soap.SoapEnvelope;
import dk.sosi.sts.trust.OcesCertificate;
import dk.sosi.sts.xml.XmlTimes;
import dk.sosi.sts.xmldsig.SignatureVerifier;
import dk.sosi.sts.xmldsig.SignerCheck;
import dk.sosi.sts.xmldsig.VerifiedSignature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Thread-safe. The caller step every OIO exchange passes before its own logic (exchanges.md 2.4), and the only
 * maker of an {@link OioRequest}:
 * <ol>
 * <li>the WS-Addressing headers, each at most once, and the {@code wst:RequestSecurityToken}, read;</li>
 * <li>no signature: refused where the endpoint's policy requires one, else an unsigned caller;</li>
 * <li>the {@code wsu:Timestamp}: Created not beyond the allowed drift in the future, Expires not past;</li>
 * <li>the detached message signature, with the signer's trust (federation PKI, validity, revocation) and its
 * place on the endpoint's whitelist decided before any signature arithmetic, and references resolved only to
 * the message's own header blocks, Timestamp and Body;</li>
 * <li>the signature covers Body, Timestamp, MessageID and Action, and To and RelatesTo where present: the
 * rule of Seal's server-side validator.</li>
 * </ol>
 */
public final class CallerCheck {

    static final String DUPLICATE_HEADER = "The SOAP Header holds more than one wsa:%s";
    static final String NOT_SIGNED = "The message must be signed: put a ds:Signature over wsa:MessageID, wsa:Action, "
            + "wsu:Timestamp and soap:Body in the wsse:Security header";
    static final String TWO_SIGNATURES = "The wsse:Security header holds more than one ds:Signature";
    static final String NO_TIMESTAMP = "A signed message must carry exactly one wsu:Timestamp with wsu:Created in its wsse:Security header";
    static final String NO_ADDRESSING = "A signed message must carry wsa:MessageID and wsa:Action";
    static final String BAD_TIME = "The message's wsu:%s is not an xs:dateTime: %s";
    static final String CREATED_IN_FUTURE = "The message's wsu:Created %s lies in the future";
    static final String EXPIRED = "The message expired at %s (wsu:Timestamp/wsu:Expires)";
    /** Seal's text for a part a signature leaves out; the element's name. */
    static final String NOT_COVERED = "Missing Liberty signature on element %s";
    static final String NOT_WHITELISTED = "The certificate %s that signed the message may not ask for this audience";

    private static final List<String> ADDRESSING_HEADERS = List.of("Action", "MessageID", "To", "RelatesTo");

    private final CallerPolicy policy;
    private final SignatureVerifier verifier;
    private final SignerCheck federation;
    private final Clock clock;

    /** @param federation the trust in the signer's certificate (the federation's PKI) */
    public CallerCheck(CallerPolicy policy, SignatureVerifier verifier, SignerCheck federation, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.federation = Objects.requireNonNull(federation, "federation");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The checked request; throws {@link StsFault} when the caller may not be served. */
    public OioRequest check(IncomingRequest incoming) {
        SoapEnvelope envelope = incoming.envelope();
        checkAddressingHeadersOnce(envelope);
        RequestSecurityToken token = RequestSecurityToken.read(envelope);
        Optional<Element> security = envelope.security();
        Optional<Element> signature = security.flatMap(CallerCheck::signatureOf);
        if (signature.isEmpty()) {
            if (policy.signatureRequired()) {
                throw new StsFault(FaultCode.FAILED_AUTHENTICATION, NOT_SIGNED);
            }
            return new OioRequest(incoming.context().withCaller(Caller.UNSIGNED), envelope, token);
        }
        Element timestamp = timestampOf(security.get());
        checkTimestamp(timestamp);
        List<Element> required = requiredParts(envelope, timestamp);
        VerifiedSignature verified = verifier.verifyDetached(signature.get(), security.get(), signable(envelope, timestamp),
                signer -> {
                    federation.check(signer);
                    checkWhitelisted(signer, token);
                });
        for (Element part : required) {
            if (!verified.covers(part)) {
                throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(NOT_COVERED, part.getNodeName()));
            }
        }
        Caller caller = Caller.signedBy(OcesCertificate.of(verified.certificate()));
        return new OioRequest(incoming.context().withCaller(caller), envelope, token);
    }

    /** A second header of a kind would let a signed one stand beside the one the STS reads. */
    private static void checkAddressingHeadersOnce(SoapEnvelope envelope) {
        envelope.header().ifPresent(header -> {
            for (String name : ADDRESSING_HEADERS) {
                long count = SoapEnvelope.childElements(header).stream()
                        .filter(e -> name.equals(e.getLocalName()) && Namespaces.WSA.equals(e.getNamespaceURI())).count();
                if (count > 1) {
                    throw new StsFault(FaultCode.INVALID_REQUEST, String.format(DUPLICATE_HEADER, name));
                }
            }
        });
    }

    private static Optional<Element> signatureOf(Element security) {
        List<Element> signatures = SoapEnvelope.childElements(security).stream()
                .filter(e -> "Signature".equals(e.getLocalName()) && Namespaces.DS.equals(e.getNamespaceURI())).toList();
        if (signatures.size() > 1) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, TWO_SIGNATURES);
        }
        return signatures.stream().findFirst();
    }

    private static Element timestampOf(Element security) {
        List<Element> timestamps = SoapEnvelope.childElements(security).stream()
                .filter(e -> "Timestamp".equals(e.getLocalName()) && Namespaces.WSU.equals(e.getNamespaceURI())).toList();
        if (timestamps.size() != 1 || child(timestamps.get(0), "Created").isEmpty()) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, NO_TIMESTAMP);
        }
        return timestamps.get(0);
    }

    private void checkTimestamp(Element timestamp) {
        Instant now = clock.instant();
        Instant created = time(child(timestamp, "Created").orElseThrow(), "Created");
        if (created.isAfter(now.plus(policy.allowedDrift()))) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(CREATED_IN_FUTURE, XmlTimes.zulu(created)));
        }
        Optional<Element> expires = child(timestamp, "Expires");
        if (expires.isPresent()) {
            Instant expiry = time(expires.get(), "Expires");
            if (!expiry.isAfter(now.minus(policy.allowedDrift()))) {
                throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(EXPIRED, XmlTimes.zulu(expiry)));
            }
        }
    }

    private static Instant time(Element element, String name) {
        try {
            return XmlTimes.parse(element.getTextContent(), ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new StsFault(FaultCode.INVALID_REQUEST, String.format(BAD_TIME, name,
                    CallerText.quote(element.getTextContent())));
        }
    }

    /** Body, Timestamp, MessageID and Action always; To and RelatesTo when the message has them. */
    private static List<Element> requiredParts(SoapEnvelope envelope, Element timestamp) {
        List<Element> required = new ArrayList<>(List.of(envelope.body(), timestamp));
        Element header = envelope.header().orElseThrow();
        for (String name : ADDRESSING_HEADERS) {
            Optional<Element> found = SoapEnvelope.childElements(header).stream()
                    .filter(e -> name.equals(e.getLocalName()) && Namespaces.WSA.equals(e.getNamespaceURI())).findFirst();
            if (found.isEmpty() && ("Action".equals(name) || "MessageID".equals(name))) {
                throw new StsFault(FaultCode.INVALID_REQUEST, NO_ADDRESSING);
            }
            found.ifPresent(required::add);
        }
        return required;
    }

    /** What a message signature may refer to: the header blocks beside wsse:Security, the Timestamp and the Body. */
    private static List<Element> signable(SoapEnvelope envelope, Element timestamp) {
        List<Element> parts = new ArrayList<>();
        envelope.header().ifPresent(header -> SoapEnvelope.childElements(header).stream()
                .filter(e -> !("Security".equals(e.getLocalName()) && Namespaces.WSSE.equals(e.getNamespaceURI())))
                .forEach(parts::add));
        parts.add(timestamp);
        parts.add(envelope.body());
        return parts;
    }

    private void checkWhitelisted(X509Certificate signer, RequestSecurityToken token) {
        Optional<Set<String>> allowed = policy.whitelist().allowedSigners(token);
        if (allowed.isEmpty()) {
            return;
        }
        String serial;
        try {
            serial = CertificateNames.subjectSerialNumber(signer);
        } catch (IllegalArgumentException e) {
            serial = "";
        }
        if (!allowed.get().contains(serial)) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(NOT_WHITELISTED,
                    CallerText.quote(serial.isEmpty() ? signer.getSubjectX500Principal().getName() : serial)));
        }
    }

    private static Optional<Element> child(Element parent, String localName) {
        return SoapEnvelope.childElements(parent).stream()
                .filter(e -> localName.equals(e.getLocalName()) && Namespaces.WSU.equals(e.getNamespaceURI())).findFirst();
    }
}
