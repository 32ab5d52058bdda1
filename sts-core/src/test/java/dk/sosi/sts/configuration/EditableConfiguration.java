package dk.sosi.sts.configuration;

import java.util.concurrent.atomic.AtomicReference;

/** A configuration whose snapshot a test sets, as an admin's SQL edit would change it; none at first. */
public final class EditableConfiguration implements StsConfiguration {

    private final AtomicReference<ConfigurationSnapshot> snapshot = new AtomicReference<>();

    public EditableConfiguration() {
    }

    public EditableConfiguration(ConfigurationSnapshot first) {
        snapshot.set(first);
    }

    public void set(ConfigurationSnapshot next) {
        snapshot.set(next);
    }

    @Override
    public ConfigurationSnapshot current() {
        ConfigurationSnapshot current = snapshot.get();
        if (current == null) {
            throw new ConfigurationUnavailableException("Connection refused");
        }
        return current;
    }

    @Override
    public ReloadStatus status() {
        return ReloadStatus.neverReloaded();
    }
}
