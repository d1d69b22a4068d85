package org.kindred.api.venues;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.api.db.Database;
import org.kindred.api.db.Durability;
import org.kindred.api.http.PageRequest;
import org.kindred.api.testing.QueryPlan;

/**
 * A search near a point starts from the R*Tree and looks up each candidate's row by its key: no scan of the
 * venues table, and no temporary index of the candidates, so its cost follows the venues near the point.
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

    private List<String> planNear(double latitude, double longitude, Species species) {
        VenueFilter filter = new VenueFilter("usr_viewer", false, new VenueFilter.Near(latitude, longitude, 10), null,
            species, null, null, null, null, null, null, null, null, null);
        VenueStore.PageQuery query = new VenueStore(db).pageQuery(filter, new VenueStore.SearchAfter(1.5, "ven_x"),
            new PageRequest(20, null));
        return QueryPlan.of(db, query.sql(), query.binds());
    }

    @Test
    void aSearchNearAPointLeadsWithTheRTreeAndLooksUpEachCandidateByKey() {
        List<String> plan = planNear(41.88, -87.63, Species.dog);

        assertThat(plan).as(String.join("\n", plan)).noneMatch(line -> line.matches("SCAN v\\b.*"));
        assertThat(firstIndex(plan, "SCAN .*VIRTUAL TABLE INDEX.*")).as(String.join("\n", plan))
            .isNotNegative()
            .isLessThan(firstIndex(plan, "SEARCH v USING INTEGER PRIMARY KEY.*"));
    }

    private static int firstIndex(List<String> plan, String pattern) {
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).matches(pattern)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void acrossTheAntimeridianBothBoxesLeadWithTheRTree() {
        List<String> plan = planNear(0, 179.99, null);

        assertThat(plan).as(String.join("\n", plan))
            .filteredOn(line -> line.matches("SCAN .*VIRTUAL TABLE INDEX.*")).hasSize(2);
        assertThat(plan).noneMatch(line -> line.matches("SCAN v\\b.*"));
    }
}
