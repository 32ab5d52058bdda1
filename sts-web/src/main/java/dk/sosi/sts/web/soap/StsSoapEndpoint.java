package dk.sosi.sts.web.soap;

import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import javax.xml.transform.dom.DOMSource;

/**
 * What CXF publishes at each address under {@code /sts/services/}, for its WSDL. It never sees a
 * request: {@link SoapHttpFilter} answers every POST before CXF, reading the body without holding a
 * thread and parsing it once with the STS's hardened parser (CXF's SAAJ message mode would copy the
 * envelope in and out, which the benchmark showed to cost as much CPU as the token exchange itself).
 */
@WebServiceProvider
@ServiceMode(Service.Mode.MESSAGE)
final class StsSoapEndpoint implements Provider<DOMSource> {

    @Override
    public DOMSource invoke(DOMSource request) {
        throw new IllegalStateException("SOAP requests are answered by SoapHttpFilter before CXF sees them");
    }
}
