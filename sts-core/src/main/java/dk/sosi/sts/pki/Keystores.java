package dk.sosi.sts.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * Stateless, thread-safe. Reads Java keystore files (JKS or PKCS#12): the STS's own key, and the trust
 * stores of the federation and of the IdPs.
 */
public final class Keystores {

    private Keystores() {
    }

    /**
     * Loads a JKS or PKCS#12 file, whichever it is ({@link KeyStore#getInstance(java.io.File, char[])}
     * detects the type).
     *
     * @throws UncheckedIOException if the file is missing, unreadable or the password is wrong
     */
    public static KeyStore load(Path file, char[] password) {
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("keystore " + file + " does not exist"));
        }
        try {
            return KeyStore.getInstance(file.toFile(), password);
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot read keystore " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read keystore " + file + " (wrong password?)", e);
        }
    }
}
