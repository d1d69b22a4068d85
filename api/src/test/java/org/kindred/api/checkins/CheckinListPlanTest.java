package org.kindred.api.checkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.ValueSource;
import org.kindred.api.db.Database;
import org.kindred.api.db.Durability;
import org.kindred.api.testing.QueryPlan;

/**
 * Each way a check-in can be visible walks an index from the newest row and stops at the page, whatever the
 * filters: a plan that scans the check-ins table would make a list's cost grow with the table.
 */
class CheckinListPlanTest {
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

    @ParameterizedTest
    @ValueSource(strings = {"", "c.id < :after", "c.participant_id = :participant", "c.group_id = :group",
        "c.created_at >= :since", "c.program_id = :program AND c.visibility = 'group'"})
    void everyWayInUsesAnIndexOfCheckins(String conditions) {
        Map<String, Object> binds = new HashMap<>(Map.of("viewer", "usr_viewer", "limit", 21));
        for (String name : List.of("after", "participant", "group", "since", "program")) {
            if (conditions.contains(":" + name)) {
                binds.put(name, "x");
            }
        }

        List<String> plan = QueryPlan.of(db, CheckinStore.newestVisibleSql(conditions), binds);

        assertThat(plan).as(String.join("\n", plan))
            .noneMatch(line -> line.matches("SCAN c\\b.*"))
            .filteredOn(line -> line.matches("SEARCH c USING (COVERING )?INDEX checkins_\\w+ \\(.*"))
            .hasSize(3);
    }
}
