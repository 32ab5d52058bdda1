package dk.sosi.sts.exchange.sosi2oiosaml;

import dk.sosi.sts.configuration.IboConfig;
import dk.sosi.sts.exchange.IssuedToken;
import dk.sosi.sts.exchange.oio.AssertionSigner;
import dk.sosi.sts.exchange.oio.OioExchange;
import dk.sosi.sts.exchange.oio.OioRequest;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.xmlenc.AssertionEncrypter;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Thread-safe. {@code /sts/services/Sosi2OIOSaml} (exchanges.md 3.1): an employee's client holds an id-card
 * from this STS and wants an OIOSAML 2.0 assertion to open a web application (the receiving system, an
 * {@code iboConfig} audience), encrypted so that only that system reads it.
 */
public final class Sosi2OioSamlExchange implements OioExchange {

    static final String NO_CARD = "The wst14:ActAs must hold the id-card (saml:Assertion), inline or as a "
            + "wsse:SecurityTokenReference to the id-card in the wsse:Security header";

    private final IboAudiences audiences;
    private final StsIssuedCardValidator cards;
    private final IdCardAssertion assertions;
    private final AssertionSigner signer;
    private final AssertionEncrypter encrypter;
    private final Clock clock;

    public Sosi2OioSamlExchange(IboAudiences audiences, StsIssuedCardValidator cards, IdCardAssertion assertions,
            AssertionSigner signer, AssertionEncrypter encrypter, Clock clock) {
        this.audiences = Objects.requireNonNull(audiences, "audiences");
        this.cards = Objects.requireNonNull(cards, "cards");
        this.assertions = Objects.requireNonNull(assertions, "assertions");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.encrypter = Objects.requireNonNull(encrypter, "encrypter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public IssuedToken exchange(OioRequest request) {
        Element presented = idCard(request.token().actAs());
        IboConfig audience = audiences.find(request.token().appliesTo());
        StsIssuedCard card = cards.validate(presented, audience);
        X509Certificate recipient = audiences.encryptionCertificate(audience);

        SamlAssertion assertion = assertions.build(card, audience, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Element signed = signer.sign(assertion, request.context());
        Element encrypted = encrypter.encrypt(signed, recipient, audiences.encryption(audience));
        return new IssuedToken(encrypted, Optional.of(audience.audience()), assertion.conditions().notBefore().orElseThrow(),
                assertion.conditions().notOnOrAfter().orElseThrow(), Optional.empty());
    }

    private static Element idCard(List<Element> actAs) {
        List<Element> cards = actAs.stream()
                .filter(token -> "Assertion".equals(token.getLocalName()) && Namespaces.SAML.equals(token.getNamespaceURI()))
                .toList();
        if (cards.size() != 1) {
            throw new StsFault(FaultCode.INVALID_REQUEST, NO_CARD);
        }
        return cards.get(0);
    }
}
