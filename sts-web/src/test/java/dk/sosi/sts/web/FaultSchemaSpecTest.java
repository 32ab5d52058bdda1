package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults validate against the schemas the Seal.Java client checks responses with
 * ({@code soap-specialized.xsd} as root, from ../shared/spec/xsd; runs where that folder exists).
 */
class FaultSchemaSpecTest {

    private static StsTestServer sts;
    private static Schema sealSchema;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        Path xsd = Path.of(System.getProperty("sts.spec.dir"), "xsd", "soap-specialized.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        sealSchema = factory.newSchema(xsd.toFile());
    }

    private static void assertValid(HttpResponse<String> response) throws Exception {
        sealSchema.newValidator().validate(new StreamSource(new StringReader(response.body())));
    }

    @Test
    void faultWhenRequestUnreadableThenValidAgainstSealSchema() throws Exception {
        HttpResponse<String> response = sts.post("/services/SecurityTokenService", "<not-closed>", "text/xml");

        assertEquals("wst:InvalidRequest", SoapFaults.of(response).faultcode());
        assertValid(response);
    }

    @Test
    void faultWhenRefusedByHandlerThenValidAgainstSealSchema() throws Exception {
        HttpResponse<String> response = sts.post("/services/NewSecurityTokenService",
                SoapPlumbingTest.envelope("schema-check", "<rst/>"), "text/xml");

        assertEquals("schema-check", SoapFaults.of(response).inResponseTo());
        assertValid(response);
    }
}
