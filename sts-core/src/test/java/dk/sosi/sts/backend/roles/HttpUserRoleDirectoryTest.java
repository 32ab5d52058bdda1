package dk.sosi.sts.backend.roles;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.backend.BackendStub;
import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.exchange.TestRequests;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpUserRoleDirectoryTest {

    private static final String KARL_AT_DEMO = "/roles/users/0101701234/organisations/20921897/roles";

    private HttpUserRoleDirectory directory;

    @BeforeEach
    void stubs() {
        BackendStub.reset();
        directory = new HttpUserRoleDirectory(BackendStub.endpoint("/roles"), BackendStub.TIMEOUT, BackendStub.client());
    }

    @Test
    void rolesOfWhenUserHoldsRolesThenEachLineInOrder() {
        BackendStub.stub(get(urlEqualTo(KARL_AT_DEMO)).willReturn(aResponse().withStatus(200)
                .withBody("nspLaegesekretaer\r\n\n  nspSygeplejerske  \nnspLaegesekretaer\n")));

        Set<String> roles = directory.rolesOf("0101701234", "20921897", TestRequests.ANY);

        assertEquals(List.of("nspLaegesekretaer", "nspSygeplejerske"), List.copyOf(roles));
        assertThrows(UnsupportedOperationException.class, () -> roles.add("more"));
    }

    @Test
    void rolesOfWhenUserHoldsNoneThenEmpty() {
        BackendStub.stub(get(urlEqualTo(KARL_AT_DEMO)).willReturn(aResponse().withStatus(200).withBody("")));

        assertEquals(Set.of(), directory.rolesOf("0101701234", "20921897", TestRequests.ANY));
    }

    @Test
    void rolesOfWhenLineHoldsWhiteSpaceThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(KARL_AT_DEMO)).willReturn(aResponse().withStatus(200).withBody("<html> error </html>")));

        assertThrows(BackendUnavailableException.class, () -> directory.rolesOf("0101701234", "20921897", TestRequests.ANY));
    }

    @Test
    void rolesOfWhenDirectoryAnswers500ThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(KARL_AT_DEMO)).willReturn(aResponse().withStatus(500)));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> directory.rolesOf("0101701234", "20921897", TestRequests.ANY));

        assertEquals(UserRoleDirectory.SERVICE_NAME, e.serviceName());
    }

    @Test
    void rolesOfWhenDirectoryTooSlowThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(KARL_AT_DEMO)).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));

        assertThrows(BackendUnavailableException.class, () -> directory.rolesOf("0101701234", "20921897", TestRequests.ANY));
    }

    @Test
    void rolesOfWhenConnectionRefusedThenUnavailable() {
        HttpUserRoleDirectory nowhere = new HttpUserRoleDirectory(BackendStub.refusedEndpoint("/roles"), BackendStub.TIMEOUT,
                BackendStub.client());

        assertThrows(BackendUnavailableException.class, () -> nowhere.rolesOf("0101701234", "20921897", TestRequests.ANY));
    }
}
