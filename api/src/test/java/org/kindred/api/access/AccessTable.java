package org.kindred.api.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** access/access-table.txt read into rows: one operation and target, and what each caller should get. */
final class AccessTable {
    static final String RESOURCE = "/access/access-table.txt";
    private static final Pattern CELL = Pattern.compile("([1-5]\\d\\d)([re]?)");

    /** What one caller sees when allowed: everything of the line's secrets, none of them, or nothing of the owner. */
    enum View {
        FULL(""),
        REDACTED(", redacted"),
        NOTHING_OF_OWNER(", nothing of the owner");

        private final String label;

        View(String label) {
            this.label = label;
        }
    }

    record Expected(int status, View view) {
        boolean allowed() {
            return status / 100 == 2;
        }

        @Override
        public String toString() {
            return status + view.label;
        }
    }

    /** One line: the operation ("METHOD /path"), its target ("-" for the usual one), one cell per caller. */
    record Row(int line, String method, String path, String target, Map<Caller, Expected> cells, List<String> secrets,
               String comment) {
        String operation() {
            return method + " " + path;
        }

        /** The operation and, when it is not the usual one, its target: the key of its probe. */
        String key() {
            return target.equals("-") ? operation() : operation() + " [" + target + "]";
        }

        boolean late() {
            return comment.contains("runs late") || runsLast();
        }

        boolean runsLast() {
            return comment.contains("runs last");
        }
    }

    private AccessTable() {
    }

    static List<Row> rows() {
        try (InputStream in = Objects.requireNonNull(AccessTable.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int hash = line.indexOf(" # ");
            String comment = hash < 0 ? "" : line.substring(hash + 3).strip();
            String[] tokens = (hash < 0 ? line : line.substring(0, hash)).strip().split("\\s+");
            Caller[] callers = Caller.values();
            if (tokens.length != 3 + callers.length + 1) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": expected method, path, target, "
                    + callers.length + " cells and secrets, found " + tokens.length + " columns: " + line);
            }
            Map<Caller, Expected> cells = new EnumMap<>(Caller.class);
            for (int c = 0; c < callers.length; c++) {
                cells.put(callers[c], cell(tokens[3 + c], i + 1));
            }
            String secrets = tokens[tokens.length - 1];
            rows.add(new Row(i + 1, tokens[0], tokens[1], tokens[2], cells,
                secrets.equals("-") ? List.of() : List.of(secrets.split(",")), comment));
        }
        return rows;
    }

    private static Expected cell(String token, int line) {
        Matcher matcher = CELL.matcher(token);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(RESOURCE + " line " + line + ": not a cell: " + token);
        }
        int status = Integer.parseInt(matcher.group(1));
        View view = switch (matcher.group(2)) {
            case "r" -> View.REDACTED;
            case "e" -> View.NOTHING_OF_OWNER;
            default -> View.FULL;
        };
        if (view != View.FULL && status / 100 != 2) {
            throw new IllegalArgumentException(RESOURCE + " line " + line + ": only an allowed cell has a view: " + token);
        }
        return new Expected(status, view);
    }
}
