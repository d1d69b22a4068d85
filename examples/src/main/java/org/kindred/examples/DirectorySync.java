package org.kindred.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.kindred.sdk.KindredClient;
import org.kindred.sdk.KindredException;
import org.kindred.sdk.api.GroupsApi;
import org.kindred.sdk.api.ProgramsApi;
import org.kindred.sdk.api.VenuesApi;
import org.kindred.sdk.invoker.ApiResponse;
import org.kindred.sdk.model.Group;
import org.kindred.sdk.model.Health;
import org.kindred.sdk.model.Program;
import org.kindred.sdk.model.Venue;

/**
 * directory-sync: keeps a local mirror of the public directory (programs, groups, venues) in a JSON Lines
 * file, one {@code {"kind":…,"id":…,"data":{…}}} per line. The first run fetches everything; later runs ask
 * only for what changed since the previous run began ({@code updated_since}) and merge it in by id, so the
 * file always holds one line per item, its latest version.
 *
 * <pre>
 * DirectorySync [base-url] [--out directory.jsonl] [--state directory.state]
 * </pre>
 *
 * <p>The state file holds the instant the last successful sync began, taken from the {@code Date} header of
 * its first response (the server's clock, rounded down to the second, so nothing changed during a sync is
 * missed by the next one; a few items may come twice and are merged). Items that leave the public directory
 * (deleted, archived, closed) are not reported by an incremental sync: delete the state file now and then to
 * start afresh.
 */
public final class DirectorySync {
    /** Subtracted from this machine's clock when the server sends no {@code Date}, for clocks that disagree. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);
    static final String USAGE = "usage: DirectorySync [base-url] [--out directory.jsonl] [--state directory.state]";

    private DirectorySync() {
    }

    public static void main(String[] args) {
        Args line = Args.parse(args, USAGE, List.of("out", "state"), List.of());
        System.exit(run(line.baseUrl(), Path.of(line.option("out", "directory.jsonl")),
            Path.of(line.option("state", "directory.state")), System.out));
    }

    /** Syncs once and returns the exit status; the files change only when the whole sync succeeded. */
    static int run(String baseUrl, Path file, Path stateFile, PrintStream out) {
        KindredClient kindred = KindredClient.builder().baseUrl(baseUrl).appInfo("directory-sync/1.0").build();
        ObjectMapper json = kindred.apiClient().getObjectMapper();
        try {
            Instant since = Files.exists(stateFile) && Files.exists(file)
                ? Instant.parse(Files.readString(stateFile, StandardCharsets.UTF_8).strip()) : null;
            out.println(since == null ? "Full sync of " + baseUrl + " (no earlier sync recorded in " + stateFile + ")."
                : "Incremental sync of " + baseUrl + ": what changed since " + since + ".");

            Instant started = syncStart(kindred);
            Map<String, ObjectNode> records = since == null ? new TreeMap<>() : read(file, json);
            OffsetDateTime updatedSince = since == null ? null : since.atOffset(ZoneOffset.UTC);
            Merge merge = new Merge(records, json);
            List<String> programs = merge.add("program", Program::getId, kindred.autoPage((api, cursor) ->
                api.programs().listPrograms(ProgramsApi.APIListProgramsRequest.newBuilder()
                    .updatedSince(updatedSince).limit(100).cursor(cursor).build())));
            List<String> venues = merge.add("venue", Venue::getId, kindred.autoPage((api, cursor) ->
                api.venues().listVenues(VenuesApi.APIListVenuesRequest.newBuilder()
                    .updatedSince(updatedSince).limit(100).cursor(cursor).build())));
            List<String> groups = merge.add("group", Group::getId, kindred.autoPage((api, cursor) ->
                api.groups().listGroups(GroupsApi.APIListGroupsRequest.newBuilder()
                    .updatedSince(updatedSince).limit(100).cursor(cursor).build())));

            List<String> lines = new ArrayList<>();
            for (ObjectNode record : records.values()) {
                lines.add(json.writeValueAsString(record));
            }
            replace(file, lines);
            replace(stateFile, List.of(started.toString()));
            out.println("Fetched " + merge.fetched + ": " + count(programs, "program") + ", " + count(venues, "venue")
                + ", " + count(groups, "group") + ".");
            out.println("Wrote " + file + ": " + lines.size() + " records (" + merge.added + " new, " + merge.changed
                + " updated).");
            out.println("The next sync asks for what changed since " + started + ".");
            return 0;
        } catch (KindredException e) {
            out.println("Nothing was written; the last complete sync stays in " + file + ".");
            return Failures.report(e, baseUrl, out);
        } catch (DateTimeParseException e) {
            out.println(stateFile + " does not hold the start of a sync (\"" + e.getParsedString()
                + "\"): nothing was written. Delete it to start again with a full sync.");
            return 1;
        } catch (IOException e) {
            out.println("Sync failed, nothing was written: " + e);
            return 1;
        }
    }

    /** Folds fetched items into the records by id, counting what it saw. */
    private static final class Merge {
        private final Map<String, ObjectNode> records;
        private final ObjectMapper json;
        private int fetched;
        private int added;
        private int changed;

        Merge(Map<String, ObjectNode> records, ObjectMapper json) {
            this.records = records;
            this.json = json;
        }

        /** Merges {@code items} as records of {@code kind}; returns their ids. */
        <T> List<String> add(String kind, Function<T, String> id, Stream<T> items) {
            List<String> ids = new ArrayList<>();
            items.forEach(item -> {
                ObjectNode record = json.createObjectNode().put("kind", kind).put("id", id.apply(item));
                record.set("data", json.valueToTree(item));
                if (records.put(id.apply(item), record) == null) {
                    added++;
                } else {
                    changed++;
                }
                ids.add(id.apply(item));
            });
            fetched += ids.size();
            return ids;
        }
    }

    private static String count(List<String> ids, String noun) {
        return ids.size() + " " + noun + (ids.size() == 1 ? "" : "s");
    }

    /** When this sync began by the server's clock: the {@code Date} of its first response. */
    private static Instant syncStart(KindredClient kindred) {
        ApiResponse<Health> first = kindred.call(api -> api.system().getHealthWithHttpInfo());
        List<String> date = first.getHeaders().get("Date");
        if (date == null || date.isEmpty()) {
            return Clock.systemUTC().instant().minus(CLOCK_MARGIN);
        }
        return ZonedDateTime.parse(date.get(0), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    private static Map<String, ObjectNode> read(Path file, ObjectMapper json) throws IOException {
        Map<String, ObjectNode> records = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode record = json.readTree(line);
                records.put(record.path("id").asText(), (ObjectNode) record);
            }
        }
        return records;
    }

    /** Writes next to {@code target}, then moves over it, so a crash never leaves half a file. */
    private static void replace(Path target, List<String> lines) throws IOException {
        Path parent = Files.createDirectories(target.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(parent, target.getFileName().toString(), ".tmp");
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
