package dk.sosi.sts.xmldsig;

import org.apache.xml.security.Init;

/** Initialises Apache Santuario once per class loader, before the first signature or encryption is made or checked. */
public final class XmlSecurity {

    static {
        Init.init();
    }

    private XmlSecurity() {
    }

    /** Makes sure Santuario is initialised; cheap after the first call. */
    public static void init() {
        // the static initialiser does the work, exactly once
    }
}
