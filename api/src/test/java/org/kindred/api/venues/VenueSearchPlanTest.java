package org.kindred.api.venues;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.api.db.Database;
import org.kindred.api.db.Durability;
import org.kindred.api.testing.QueryPlan;

/**
 * A search near a point asks SQL which of a batch of venues in reach pass its filter: each is looked up by its key,
 * so the cost follows the batch, never the size of the venues table.
 */
class VenueSearchPlanTest {
    @TempDir
    Path directory;

    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(directory.resolve("kindred.db"), Durability.normal, 1);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> planOfPassing(VenueFilter filter) {
        VenueStore.BatchQuery query = new VenueStore(db, new VenueLocations(db)).passingQuery(filter);
        Map<String, Object> binds = new HashMap<>(query.binds());
        binds.put("seqs", "[3, 1, 2]");
        return QueryPlan.of(db, query.sql(), binds);
    }

    private static VenueFilter near(Species species, String programId, VenueStatus status) {
        return new VenueFilter("usr_viewer", false, new VenueFilter.Near(41.88, -87.63, 10), null, species, null, null,
            null, null, null, null, programId, status, null);
    }

    @Test
    void theVenuesOfABatchAreLookedUpByKey() {
        List<String> plan = planOfPassing(near(Species.dog, null, null));

        assertThat(plan).as(String.join("\n", plan))
            .noneMatch(line -> line.matches("SCAN v\\b.*"))
            .anyMatch(line -> line.matches("SEARCH v USING INTEGER PRIMARY KEY \\(rowid=\\?\\).*"));
    }

    @Test
    void filtersWithIndexesOfTheirOwnStillLookUpTheBatchByKey() {
        List<String> plan = planOfPassing(near(null, "prg_x", VenueStatus.active));

        assertThat(plan).as(String.join("\n", plan))
            .noneMatch(line -> line.matches("SCAN v\\b.*"))
            .anyMatch(line -> line.matches("SEARCH v USING INTEGER PRIMARY KEY \\(rowid=\\?\\).*"));
    }
}
