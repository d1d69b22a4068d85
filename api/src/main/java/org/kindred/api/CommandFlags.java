package org.kindred.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kindred.api.config.ConfigException;

/** A command's own flags ({@code --to FILE} or {@code --to=FILE}), taken out of its arguments; the rest are settings. */
final class CommandFlags {
    private final Map<String, String> values = new HashMap<>();
    private final List<String> rest = new ArrayList<>();

    private CommandFlags() {
    }

    static CommandFlags parse(List<String> args, Set<String> flags) {
        CommandFlags parsed = new CommandFlags();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!flags.contains(flag)) {
                parsed.rest.add(arg);
            } else if (arg.contains("=")) {
                parsed.values.put(flag, arg.substring(arg.indexOf('=') + 1));
            } else if (i + 1 < args.size()) {
                parsed.values.put(flag, args.get(++i));
            } else {
                throw new ConfigException(flag + " needs a value");
            }
        }
        return parsed;
    }

    Optional<String> value(String flag) {
        return Optional.ofNullable(values.get(flag));
    }

    String required(String command, String flag) {
        return value(flag).orElseThrow(() -> new ConfigException(command + " needs " + flag));
    }

    /** What is left: settings such as {@code --db}, for {@link org.kindred.api.config.Config#load}. */
    List<String> rest() {
        return rest;
    }
}
