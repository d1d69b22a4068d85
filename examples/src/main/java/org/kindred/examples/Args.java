package org.kindred.examples;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of an example: an optional base URL first (default {@code http://localhost:8080}), then
 * {@code --name value} options and {@code --flag}s. A command line it cannot read ends the program with its
 * usage and exit status 2.
 */
final class Args {
    static final String DEFAULT_BASE_URL = "http://localhost:8080";

    private final String usage;
    private final String baseUrl;
    private final Map<String, String> options;
    private final Set<String> flags;

    private Args(String usage, String baseUrl, Map<String, String> options, Set<String> flags) {
        this.usage = usage;
        this.baseUrl = baseUrl;
        this.options = options;
        this.flags = flags;
    }

    /** Reads {@code args}, knowing which option names take a value and which are flags. */
    static Args parse(String[] args, String usage, List<String> optionNames, List<String> flagNames) {
        boolean startsWithBaseUrl = args.length > 0 && !args[0].startsWith("--");
        Args parsed = new Args(usage, startsWithBaseUrl ? args[0] : DEFAULT_BASE_URL, new HashMap<>(), new HashSet<>());
        for (int i = startsWithBaseUrl ? 1 : 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name != null && flagNames.contains(name)) {
                parsed.flags.add(name);
            } else if (name != null && optionNames.contains(name) && i + 1 < args.length) {
                parsed.options.put(name, args[++i]);
            } else {
                throw parsed.fail("unexpected argument: " + args[i]);
            }
        }
        return parsed;
    }

    String baseUrl() {
        return baseUrl;
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** A whole number, or {@code fallback} (which may be null) when the option is not given. */
    Integer integer(String name, Integer fallback) {
        try {
            return options.containsKey(name) ? Integer.valueOf(options.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw fail("--" + name + " takes a whole number, not " + options.get(name));
        }
    }

    double decimal(String name, double fallback) {
        try {
            return options.containsKey(name) ? Double.parseDouble(options.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw fail("--" + name + " takes a number, not " + options.get(name));
        }
    }

    /** Comma-separated whole numbers, such as questionnaire answers; null when the option is not given. */
    List<Integer> integers(String name) {
        if (!options.containsKey(name)) {
            return null;
        }
        try {
            return Arrays.stream(options.get(name).split(",")).map(String::strip).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw fail("--" + name + " takes whole numbers separated by commas, not " + options.get(name));
        }
    }

    /** Prints {@code problem} and the usage, and ends the program. */
    IllegalStateException fail(String problem) {
        System.err.println(problem);
        System.err.println(usage);
        System.exit(2);
        return new IllegalStateException(problem);
    }
}
