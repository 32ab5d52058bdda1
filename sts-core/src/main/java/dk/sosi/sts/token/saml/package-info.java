/**
 * SAML 2.0 assertions without OpenSAML: the NemLog-in and local-IdP OIOSAML assertions, bootstrap
 * tokens and IDWS identity tokens of the OIO WS-Trust exchanges (exchanges.md 3.1–3.4).
 *
 * <p>{@link dk.sosi.sts.token.saml.SamlAssertion} is what an assertion says. An incoming one is read by
 * {@link dk.sosi.sts.token.saml.SamlAssertionReader} (lenient about form, strict about content, direct
 * children only); its signature is then verified elsewhere, over the
 * {@link dk.sosi.sts.token.saml.ParsedAssertion#element() element} it was read from, and its times,
 * audience and issuer are judged by the exchange. An outgoing one is written by
 * {@link dk.sosi.sts.token.saml.SamlAssertionWriter} in the exact form {@code oiosaml/standard-saml.xsd}
 * takes, and signed elsewhere.
 */
package dk.sosi.sts.token.saml;
