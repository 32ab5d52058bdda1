package dk.sosi.sts.demo.client;

import java.util.Arrays;

/**
 * The demo clients behind {@code mvn -Pclient}: {@code <exchange> <client> <STS base URL>}, where exchange is
 * {@code NewSecurityTokenService} (an id-card, {@link DgwsDemoClient}), {@code OIOSaml2Sosi} (a NemLog-in assertion
 * exchanged for an id-card, {@link OioSaml2SosiDemoClient}), {@code Sosi2OIOSaml} (an id-card exchanged for an
 * OIOSAML assertion, {@link Sosi2OioSamlDemoClient}), {@code BST2SOSI} (a bootstrap token exchanged for an id-card,
 * {@link Bst2SosiDemoClient}), {@code BST2SOSI+Sosi2OIOSaml} (that id-card then exchanged for an OIOSAML assertion),
 * {@code Bst2Idws} (a citizen bootstrap token exchanged for an IDWS identity token, {@link Bst2IdwsDemoClient};
 * {@code Bst2Idws-for-child}: acting for a child in the citizen's custody) or
 * {@code JWT2OIOSaml} (a citizen's JWT exchanged for an OIOSAML assertion, {@link Jwt2OioSamlDemoClient}), {@code JWT2Idws}
 * (for an IDWS identity token, {@link Jwt2IdwsDemoClient}) or {@code DKNCPBST2EHDSIIdws} (the contact point's bootstrap
 * token exchanged for an eHDSI IDWS XUA token, {@link EhdsiDemoClient}; it always signs as the demo contact point).
 */
public final class DemoClients {

    private DemoClients() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DemoClients <NewSecurityTokenService|Sosi2OIOSaml|OIOSaml2Sosi|BST2SOSI|BST2SOSI+Sosi2OIOSaml"
                    + "|Bst2Idws|Bst2Idws-for-child|JWT2Idws|JWT2OIOSaml|DKNCPBST2EHDSIIdws>"
                    + " <client> <STS base URL>");
            System.exit(2);
        }
        String base = args[2].replaceAll("/+$", "");
        switch (args[0]) {
            case "NewSecurityTokenService", "SecurityTokenService" ->
                    DgwsDemoClient.main(new String[] {args[1], base + "/services/" + args[0]});
            case "Sosi2OIOSaml" -> Sosi2OioSamlDemoClient.main(Arrays.copyOfRange(args, 1, 3));
            case "OIOSaml2Sosi" -> OioSaml2SosiDemoClient.main(Arrays.copyOfRange(args, 1, 3));
            case "BST2SOSI" -> Bst2SosiDemoClient.main(Arrays.copyOfRange(args, 1, 3));
            case "BST2SOSI+Sosi2OIOSaml" -> Bst2SosiDemoClient.main(new String[] {args[1], args[2], "chain"});
            case "Bst2Idws" -> Bst2IdwsDemoClient.main(Arrays.copyOfRange(args, 1, 3));
            case "Bst2Idws-for-child" -> Bst2IdwsDemoClient.main(new String[] {args[1], args[2], "child"});
            case "JWT2OIOSaml" -> Jwt2OioSamlDemoClient.main(Arrays.copyOfRange(args, 1, 3));
            case "JWT2Idws" -> Jwt2IdwsDemoClient.main(Arrays.copyOfRange(args, 1, 3));
            case "DKNCPBST2EHDSIIdws" -> EhdsiDemoClient.main(Arrays.copyOfRange(args, 2, 3));
            default -> {
                System.err.println("No demo client for the exchange " + args[0]
                        + "; use NewSecurityTokenService, Sosi2OIOSaml, OIOSaml2Sosi, BST2SOSI, BST2SOSI+Sosi2OIOSaml, Bst2Idws, "
                        + "Bst2Idws-for-child, JWT2Idws, JWT2OIOSaml or DKNCPBST2EHDSIIdws");
                System.exit(2);
            }
        }
    }
}
