package dk.sosi.sts.testkit.pki;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Thread-safe. See {@link KeyPairSource#recycling(int)}. */
final class RecyclingKeyPairSource implements KeyPairSource {

    private final KeyPairSource delegate;
    private final int distinctKeysPerSize;
    private final Map<Integer, Pool> pools = new ConcurrentHashMap<>();

    RecyclingKeyPairSource(KeyPairSource delegate, int distinctKeysPerSize) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (distinctKeysPerSize < 1) {
            throw new IllegalArgumentException("distinctKeysPerSize must be at least 1, was " + distinctKeysPerSize);
        }
        this.distinctKeysPerSize = distinctKeysPerSize;
    }

    @Override
    public KeyPair rsa(int keySize) {
        return pools.computeIfAbsent(keySize, size -> new Pool()).next(keySize);
    }

    private final class Pool {
        private final List<KeyPair> keys = new ArrayList<>();
        private int nextReused;

        synchronized KeyPair next(int keySize) {
            if (keys.size() < distinctKeysPerSize) {
                KeyPair keyPair = delegate.rsa(keySize);
                keys.add(keyPair);
                return keyPair;
            }
            KeyPair keyPair = keys.get(nextReused);
            nextReused = (nextReused + 1) % distinctKeysPerSize;
            return keyPair;
        }
    }
}
