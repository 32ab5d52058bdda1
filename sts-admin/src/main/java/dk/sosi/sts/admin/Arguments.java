package dk.sosi.sts.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Not thread-safe. A command's arguments: positional ones, {@code --option value} pairs and {@code --flag}s. */
final class Arguments {

    /** The options that stand alone; every other {@code --option} takes the next argument as its value. */
    private static final Set<String> FLAGS = Set.of("--apply", "--signing-key");

    private final List<String> positional;
    private final Map<String, String> options;
    private final Set<String> flags;
    private final Set<String> read = new HashSet<>();

    private Arguments(List<String> positional, Map<String, String> options, Set<String> flags) {
        this.positional = List.copyOf(positional);
        this.options = Map.copyOf(options);
        this.flags = Set.copyOf(flags);
    }

    static Arguments parse(List<String> args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (FLAGS.contains(arg)) {
                flags.add(arg);
            } else if (arg.startsWith("--")) {
                if (i + 1 >= args.size()) {
                    throw new StsAdmin.UsageException(arg + " needs a value");
                }
                options.put(arg, args.get(++i));
            } else {
                positional.add(arg);
            }
        }
        return new Arguments(positional, options, flags);
    }

    /** Exactly {@code names.length} positional arguments, named in the message when they are not. */
    List<String> positional(String... names) {
        if (positional.size() != names.length) {
            throw new StsAdmin.UsageException("expected " + (names.length == 0 ? "no arguments" : String.join(" ", names))
                    + ", got " + (positional.isEmpty() ? "none" : String.join(" ", positional)));
        }
        return positional;
    }

    Optional<String> option(String name) {
        read.add(name);
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        read.add(name);
        return flags.contains(name);
    }

    /** Refuses an option or flag the command did not ask for, so a misspelt one is not silently ignored. */
    void noOthers() {
        Set<String> given = new HashSet<>(options.keySet());
        given.addAll(flags);
        given.removeAll(read);
        if (!given.isEmpty()) {
            throw new StsAdmin.UsageException("unknown option " + String.join(", ", given));
        }
    }
}
