package dk.sosi.sts.exchange.citizen;

import dk.sosi.sts.backend.idsas.IdsasService;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.saml.SamlAttribute;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Thread-safe. Identity blurring of health care employees (IDSAS, exchanges.md 3.4 enrichment, OQ-13): for an audience
 * whose {@code audienceConfiguration.blurring} is {@code V10} or {@code V11}, asks IDSAS which organisations are blurred
 * for the citizen whose data is viewed and returns the attribute {@value #ATTRIBUTE}; an audience without
 * {@code blurring} gets no attribute and IDSAS is not asked.
 *
 * <p>The national Blurring Instructions Profile (its XSD) is not in our sources, so the attribute is a profile of our
 * own, named and namespaced as ours so that no client mistakes it for the national one: base64 of
 * <pre>{@code
 * <bi:BlurringInstructions xmlns:bi="urn:dk:sosi:sts:blurring_instructions:1.0" Version="V11">
 *   <bi:BlurredOrganisation>SOR:…</bi:BlurredOrganisation>   (one per organisation IDSAS names, in its order)
 * </bi:BlurringInstructions>}</pre>
 * {@code Version} is the audience's {@code blurring} value. With blurring on and nothing to blur the attribute is still
 * there, empty, so that a service can tell "nothing to blur" from "blurring off".
 */
public final class Blurring {

    public static final String ATTRIBUTE = "urn:dk:sosi:sts:attribute:BlurringInstructions";
    public static final String NAMESPACE = "urn:dk:sosi:sts:blurring_instructions:1.0";
    public static final Set<String> VERSIONS = Set.of("V10", "V11");

    /** Audience, value. */
    static final String BAD_VERSION = "The audienceConfiguration blurring of audience %s must be V10 or V11, was %s";

    private final IdsasService idsas;

    public Blurring(IdsasService idsas) {
        this.idsas = Objects.requireNonNull(idsas, "idsas");
    }

    /**
     * The blurring attribute for a token of {@code audience} about {@code viewedCpr}'s data; empty when the audience has
     * no {@code blurring}.
     *
     * @param viewedCpr whose data is viewed: {@link OnBehalfOf.Acting#viewedCpr()}
     * @throws StsFault {@code wst:RequestFailed} when {@code blurring} is neither V10 nor V11 (the configuration is at fault)
     * @throws dk.sosi.sts.backend.BackendUnavailableException when IDSAS does not answer usably
     */
    public Optional<SamlAttribute> attributeFor(CitizenAudience audience, String viewedCpr, RequestContext request) {
        if (audience.blurring().isEmpty()) {
            return Optional.empty();
        }
        String version = audience.blurring().get();
        if (!VERSIONS.contains(version)) {
            throw new StsFault(FaultCode.REQUEST_FAILED,
                    String.format(BAD_VERSION, CallerText.quote(audience.audience()), CallerText.quote(version)));
        }
        List<String> organisations = idsas.blurredOrganisations(viewedCpr, request);
        ProfileXml xml = new ProfileXml(NAMESPACE, "bi", "BlurringInstructions");
        Element root = xml.root();
        root.setAttributeNS(null, "Version", version);
        organisations.forEach(organisation -> xml.add(root, "BlurredOrganisation", organisation));
        return Optional.of(SamlAttribute.basic(ATTRIBUTE, xml.base64()));
    }
}
