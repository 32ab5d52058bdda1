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
 * Stateless. The bootstrap token a request acts as (BST2SOSI, Bst2Idws, DKNCPBST2EHDSIIdws): exactly one
 * {@code saml:Assertion} or {@code saml:EncryptedAssertion} in {@code wst14:ActAs}, the latter decrypted with the keys
 * of the issuers' table (read only when the token is encrypted).
 */
public final class BootstrapTokens {

    public static final String NO_TOKEN = "The wst14:ActAs must hold one bootstrap token: a saml:Assertion or a saml:EncryptedAssertion";
    /** Subject. */
    static final String ENCRYPTED = "The %s must be a plain saml:Assertion: this endpoint decrypts no tokens";

    private BootstrapTokens() {
    }

    /** The token of {@code actAs} as a plain assertion; {@code wst:InvalidRequest} unless it holds exactly one. */
    public static Element presented(List<Element> actAs, AssertionDecrypter decrypter, Supplier<List<PrivateKey>> decryptionKeys) {
        Element token = theOne(actAs);
        return encrypted(token) ? decrypter.decrypt(token, decryptionKeys.get()) : token;
    }

    /**
     * The token of {@code actAs}, for endpoints whose issuers configure no decryption keys (DKNCPBST2EHDSIIdws);
     * {@code wst:InvalidRequest} unless it holds exactly one plain assertion.
     *
     * @param subject what the token is, for the fault's text
     */
    public static Element presentedPlain(List<Element> actAs, String subject) {
        Element token = theOne(actAs);
        if (encrypted(token)) {
            throw new StsFault(FaultCode.INVALID_REQUEST, String.format(ENCRYPTED, subject));
        }
        return token;
    }

    private static Element theOne(List<Element> actAs) {
        List<Element> tokens = actAs.stream().filter(token -> Namespaces.SAML.equals(token.getNamespaceURI())
                && ("Assertion".equals(token.getLocalName()) || "EncryptedAssertion".equals(token.getLocalName()))).toList();
        if (tokens.size() != 1 || actAs.size() != 1) {
            throw new StsFault(FaultCode.INVALID_REQUEST, NO_TOKEN);
        }
        return tokens.get(0);
    }

    private static boolean encrypted(Element token) {
        return "EncryptedAssertion".equals(token.getLocalName());
    }
}
