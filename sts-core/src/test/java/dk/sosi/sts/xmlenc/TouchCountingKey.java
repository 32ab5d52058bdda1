package dk.sosi.sts.xmlenc;

import java.math.BigInteger;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread-safe. An RSA private key that counts how often its secret was read: the JCE reads it on every
 * use, so a count of zero proves that no cryptography was attempted with it.
 */
final class TouchCountingKey implements RSAPrivateCrtKey {

    private static final long serialVersionUID = 1L;

    private final RSAPrivateCrtKey key;
    private final AtomicInteger touches = new AtomicInteger();

    TouchCountingKey(RSAPrivateCrtKey key) {
        this.key = key;
    }

    int touches() {
        return touches.get();
    }

    @Override
    public BigInteger getPrivateExponent() {
        touches.incrementAndGet();
        return key.getPrivateExponent();
    }

    @Override
    public byte[] getEncoded() {
        touches.incrementAndGet();
        return key.getEncoded();
    }

    @Override
    public BigInteger getPublicExponent() {
        return key.getPublicExponent();
    }

    @Override
    public BigInteger getPrimeP() {
        return key.getPrimeP();
    }

    @Override
    public BigInteger getPrimeQ() {
        return key.getPrimeQ();
    }

    @Override
    public BigInteger getPrimeExponentP() {
        return key.getPrimeExponentP();
    }

    @Override
    public BigInteger getPrimeExponentQ() {
        return key.getPrimeExponentQ();
    }

    @Override
    public BigInteger getCrtCoefficient() {
        return key.getCrtCoefficient();
    }

    @Override
    public BigInteger getModulus() {
        return key.getModulus();
    }

    @Override
    public String getAlgorithm() {
        return key.getAlgorithm();
    }

    @Override
    public String getFormat() {
        return key.getFormat();
    }
}
