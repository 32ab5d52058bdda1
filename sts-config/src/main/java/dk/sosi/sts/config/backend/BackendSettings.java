package dk.sosi.sts.config.backend;

import dk.sosi.sts.config.StartupException;
import java.net.URI;
import java.net.URISyntaxException;

/** Stateless. The checks the backend beans share, with messages that name the property to fix. */
final class BackendSettings {

    private BackendSettings() {
    }

    static <T> T required(T value, String property) {
        if (value == null) {
            throw new StartupException("Property " + property + " is missing");
        }
        return value;
    }

    /** The endpoint property {@code property} as an absolute http(s) URL without query or fragment. */
    static URI endpoint(String value, String property) {
        required(value, property);
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new StartupException(property + " must be an http or https URL without query, such as"
                        + " https://host/cvr-rid; was " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new StartupException(property + " is not a URL: " + value, e);
        }
    }
}
