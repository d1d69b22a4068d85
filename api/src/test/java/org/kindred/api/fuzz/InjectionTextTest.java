package org.kindred.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.kindred.api.checkins.CheckinFixtures;
import org.kindred.api.checkins.CheckinFixtures.Program;
import org.kindred.api.groups.GroupFixtures;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.JsonText;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/**
 * Text that looks like SQL is data: a program name, a check-in note, a venue name and a display name holding it
 * are stored and returned exactly as written, and writing one touches no table but the one it belongs in.
 */
class InjectionTextTest {
    static final List<String> SQL_LOOKING = List.of(
        "'; DROP TABLE users; --",
        "\" OR 1=1 --",
        "' OR '1'='1",
        "Robert'); DELETE FROM checkins WHERE ('1'='1",
        "' UNION SELECT password_hash FROM users --",
        "1; SELECT * FROM sqlite_master",
        "%' OR '%'='",
        "\\'; --");

    private static TestServer server;
    private static Session admin;
    private static Program program;
    private static Session participant;
    private DbSnapshot before;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("KINDRED_RATE_LIMITS", "off"));
        CheckinFixtures fixtures = new CheckinFixtures(server);
        admin = server.admin();
        program = fixtures.program("Harbor Literal Circle", "Quiet River");
        participant = fixtures.participant(program, "Green Fern");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void snapshot() {
        before = DbSnapshot.of(server.services().db());
    }

    @AfterEach
    void everyTableIsStillThere() {
        assertThat(DbSnapshot.of(server.services().db()).tables().keySet()).isEqualTo(before.tables().keySet());
    }

    @ParameterizedTest
    @FieldSource("SQL_LOOKING")
    void programNameIsStoredAndReturnedLiterally(String text) {
        Map<String, Object> body = ProgramFixtures.program("Unused");
        body.put("name", text);
        body.put("slug", "literal-" + ProgramFixtures.token());

        HttpResult created = admin.http().post("/v1/programs", ProgramFixtures.json(body));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("/name")).isEqualTo(text);
        assertThat(ProgramFixtures.read(admin, "/v1/programs/" + created.text("/id")).path("name").asText()).isEqualTo(text);
        assertOnlyWritten("program");
    }

    @ParameterizedTest
    @FieldSource("SQL_LOOKING")
    void checkinNoteIsStoredAndReturnedLiterally(String text) {
        HttpResult created = participant.http().post("/v1/checkins", CheckinFixtures.body(program.id(), "note", text));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("/note")).isEqualTo(text);
        assertThat(ProgramFixtures.read(participant, "/v1/checkins/" + created.text("/id")).path("note").asText())
            .isEqualTo(text);
        assertOnlyWritten("checkin");
    }

    @ParameterizedTest
    @FieldSource("SQL_LOOKING")
    void venueNameIsStoredAndReturnedLiterally(String text) {
        ObjectNode body = (ObjectNode) JsonText.parse(GroupFixtures.PLAIN_VENUE);
        body.set("name", TextNode.valueOf(text));

        HttpResult created = admin.http().post("/v1/venues", body.toString());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("/name")).isEqualTo(text);
        assertThat(ProgramFixtures.read(admin, "/v1/venues/" + created.text("/id")).path("name").asText()).isEqualTo(text);
        assertOnlyWritten("venue");
    }

    @ParameterizedTest
    @FieldSource("SQL_LOOKING")
    void displayNameIsStoredAndReturnedLiterally(String text) {
        HttpResult updated = participant.http().patch("/v1/me", "{\"display_name\": " + TextNode.valueOf(text) + "}");

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.text("/display_name")).isEqualTo(text);
        assertThat(ProgramFixtures.read(participant, "/v1/me").path("display_name").asText()).isEqualTo(text);
        assertOnlyWritten("users");
    }

    /** Only the tables of what was written (with its search index) and the audit trail changed. */
    private void assertOnlyWritten(String tablePrefix) {
        assertThat(DbSnapshot.of(server.services().db()).changesSince(before))
            .allMatch(change -> change.startsWith(tablePrefix) || change.startsWith("audit_log"));
    }
}
