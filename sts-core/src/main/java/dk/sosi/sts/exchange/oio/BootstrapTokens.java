package dk.sosi.sts.exchange.oio;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.xmlenc.AssertionDecrypter;
import java.security.PrivateKey;
import java.util.List;
import java.util.function.Supplier;
import org.w3c.dom.Element;

/**
 * Stateless. The bootstrap token a request acts as (BST2SOSI, Bst2Idws): exactly one {@code saml:Assertion} or
 * {@code saml:EncryptedAssertion} in {@code wst14:ActAs}, the latter decrypted with the keys of the issuers' table
 * (read only when the token is encrypted).
 */
public final class BootstrapTokens {

    public static final String NO_TOKEN = "The wst14:ActAs must hold one bootstrap token: a saml:Assertion or a saml:EncryptedAssertion";

    private BootstrapTokens() {
    }

    /** The token of {@code actAs} as a plain assertion; {@code wst:InvalidRequest} unless it holds exactly one. */
    public static Element presented(List<Element> actAs, AssertionDecrypter decrypter, Supplier<List<PrivateKey>> decryptionKeys) {
        List<Element> tokens = actAs.stream().filter(token -> Namespaces.SAML.equals(token.getNamespaceURI())
                && ("Assertion".equals(token.getLocalName()) || "EncryptedAssertion".equals(token.getLocalName()))).toList();
        if (tokens.size() != 1 || actAs.size() != 1) {
            throw new StsFault(FaultCode.INVALID_REQUEST, NO_TOKEN);
        }
        Element token = tokens.get(0);
        return "EncryptedAssertion".equals(token.getLocalName()) ? decrypter.decrypt(token, decryptionKeys.get()) : token;
    }
}
