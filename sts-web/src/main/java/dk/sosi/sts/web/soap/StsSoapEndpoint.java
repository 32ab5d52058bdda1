package dk.sosi.sts.web.soap;

import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import javax.xml.transform.dom.DOMSource;

/**
 * What CXF publishes at each address under {@code /sts/services/}. It never sees a request: every POST
 * is answered earlier by {@link DirectSoapInterceptor}, which parses the envelope once with the STS's
 * hardened parser instead of CXF's SAAJ message mode, and anything else ends in
 * {@link UnreadableRequestInterceptor}'s fault.
 */
@WebServiceProvider
@ServiceMode(Service.Mode.MESSAGE)
final class StsSoapEndpoint implements Provider<DOMSource> {

    @Override
    public DOMSource invoke(DOMSource request) {
        throw new IllegalStateException("SOAP requests are answered by DirectSoapInterceptor before CXF dispatches them");
    }
}
