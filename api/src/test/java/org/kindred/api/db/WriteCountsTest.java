package org.kindred.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Database#writesTo}: which write transactions count as having changed a table. */
class WriteCountsTest {
    private static final Set<String> WATCHED = Set.of("watched");

    @TempDir
    Path directory;

    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(directory.resolve("kindred.db"), Durability.normal, 1);
        db.useWrite(handle -> {
            handle.execute("CREATE TABLE watched (x)");
            handle.execute("CREATE TABLE other (x)");
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void insert(String table) {
        db.useWrite(handle -> handle.execute("INSERT INTO " + table + " (x) VALUES (1)"));
    }

    @Test
    void everyTableOfTheSchemaHasRowidsSoSqliteReportsItsWrites() {
        // SQLite's update hook is silent for WITHOUT ROWID tables; a write to one would count for no table. (The
        // shadow tables of FTS5 are some, and are written only with the table they index.)
        List<String> withoutRowids = db.read(handle -> handle.createQuery(
                "SELECT name FROM pragma_table_list WHERE type = 'table' AND wr = 1")
            .mapTo(String.class).list());
        assertThat(withoutRowids).isEmpty();
    }

    @Test
    void aWriteToTheTableCounts() {
        long before = db.writesTo(WATCHED);
        insert("watched");
        assertThat(db.writesTo(WATCHED)).isGreaterThan(before);
    }

    @Test
    void aWriteToAnotherTableDoesNotCount() {
        long before = db.writesTo(WATCHED);
        insert("other");
        assertThat(db.writesTo(WATCHED)).isEqualTo(before);
    }

    @Test
    void aWriteThatChangesNoRowDoesNotCount() {
        long before = db.writesTo(WATCHED);
        db.useWrite(handle -> handle.execute("UPDATE watched SET x = 2 WHERE x = 3"));
        assertThat(db.writesTo(WATCHED)).isEqualTo(before);
    }

    @Test
    void aWriteThatRollsBackStillCounts() {
        long before = db.writesTo(WATCHED);
        assertThatThrownBy(() -> db.useWrite(handle -> {
            handle.execute("INSERT INTO watched (x) VALUES (1)");
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(db.writesTo(WATCHED)).isGreaterThan(before);
    }

    @Test
    void aTableEmptiedWithoutNamingItCountsForEveryTable() {
        insert("other");
        long before = db.writesTo(WATCHED);
        db.useWrite(handle -> handle.execute("DELETE FROM other"));
        assertThat(db.writesTo(WATCHED)).isGreaterThan(before);
    }
}
