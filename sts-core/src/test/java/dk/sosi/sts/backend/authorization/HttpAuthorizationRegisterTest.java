package dk.sosi.sts.backend.authorization;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.backend.BackendStub;
import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.exchange.TestRequests;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpAuthorizationRegisterTest {

    private static final String KARL = "/authorization/authorizations/0101701234";

    private HttpAuthorizationRegister register;

    @BeforeEach
    void stubs() {
        BackendStub.reset();
        register = new HttpAuthorizationRegister(BackendStub.endpoint("/authorization"), BackendStub.TIMEOUT, BackendStub.client());
    }

    @Test
    void authorizationsOfWhenRegisterHoldsEntriesThenEachLine() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(200).withBody("J0184;7170\n KT2Z4 ; 5166 \n")));

        assertEquals(List.of(new Authorization("J0184", "7170"), new Authorization("KT2Z4", "5166")),
                register.authorizationsOf("0101701234", TestRequests.ANY));
    }

    @Test
    void authorizationsOfWhenRegisterHoldsNoneThenEmpty() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(200)));

        assertEquals(List.of(), register.authorizationsOf("0101701234", TestRequests.ANY));
    }

    @Test
    void authorizationsOfWhenLineLacksEducationCodeThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(200).withBody("J0184;7170\nKT2Z4;\n")));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> register.authorizationsOf("0101701234", TestRequests.ANY));

        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void authorizationsOfWhenRegisterAnswers500ThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(500)));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> register.authorizationsOf("0101701234", TestRequests.ANY));

        assertEquals("Authorization register did not answer; try again later", e.callerMessage());
    }

    @Test
    void authorizationsOfWhenRegisterTooSlowThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(200).withBody("J0184;7170").withFixedDelay(3000)));

        assertThrows(BackendUnavailableException.class, () -> register.authorizationsOf("0101701234", TestRequests.ANY));
    }

    @Test
    void authorizationsOfWhenConnectionRefusedThenUnavailable() {
        HttpAuthorizationRegister nowhere = new HttpAuthorizationRegister(BackendStub.refusedEndpoint("/authorization"),
                BackendStub.TIMEOUT, BackendStub.client());

        assertThrows(BackendUnavailableException.class, () -> nowhere.authorizationsOf("0101701234", TestRequests.ANY));
    }
}
