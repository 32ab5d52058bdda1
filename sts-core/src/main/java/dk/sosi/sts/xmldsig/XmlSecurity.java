package dk.sosi.sts.xmldsig;

import org.apache.xml.security.Init;

/** Initialises Apache Santuario once per class loader, before the first signature is made or checked. */
final class XmlSecurity {

    static {
        Init.init();
    }

    private XmlSecurity() {
    }

    /** Makes sure Santuario is initialised; cheap after the first call. */
    static void init() {
        // the static initialiser does the work, exactly once
    }
}
