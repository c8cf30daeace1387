package dev.channelhub.shared.boot;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The {@code --flag value} options of the jar's commands ({@code token}, {@code seed}); args[0] is the command. */
final class CommandOptions {

    private CommandOptions() {
    }

    /** The options given, by flag; IllegalArgumentException names a flag without value or one not in {@code known}. */
    static Map<String, String> parse(String[] args, Set<String> known) {
        Map<String, String> out = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            String value = i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            if (!known.contains(flag)) {
                throw new IllegalArgumentException("unknown option " + flag);
            }
            out.put(flag, value);
        }
        return out;
    }
}
