package org.kindred.api.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.programs.ProgramFixtures.activeProgram;
import static org.kindred.api.programs.ProgramFixtures.allIds;
import static org.kindred.api.programs.ProgramFixtures.create;
import static org.kindred.api.programs.ProgramFixtures.crisisLine;
import static org.kindred.api.programs.ProgramFixtures.encode;
import static org.kindred.api.programs.ProgramFixtures.fieldErrors;
import static org.kindred.api.programs.ProgramFixtures.fields;
import static org.kindred.api.programs.ProgramFixtures.grant;
import static org.kindred.api.programs.ProgramFixtures.json;
import static org.kindred.api.programs.ProgramFixtures.program;
import static org.kindred.api.programs.ProgramFixtures.read;
import static org.kindred.api.programs.ProgramFixtures.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

class ProgramsTest {
    private static TestServer server;
    private static Session admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(ProgramFixtures.ENV);
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void adminCreatesADraftInviteOnlyProgramWithDefaults() {
        String token = token();
        HttpResult created = admin.http().post("/v1/programs", json(fields(
            "name", "Quiet Harbor: Peer Circle " + token, "organization_name", "Harbor Community Center",
            "country", "US", "timezone", "America/Chicago")));

        assertThat(created.status()).isEqualTo(201);
        JsonNode program = created.json();
        assertThat(program.path("id").asText()).startsWith("prg_");
        assertThat(created.header("Location")).isEqualTo("/v1/programs/" + program.path("id").asText());
        assertThat(program.path("status").asText()).isEqualTo("draft");
        assertThat(program.path("enrollment").asText()).isEqualTo("invite_only");
        assertThat(program.path("slug").asText()).isEqualTo("quiet-harbor-peer-circle-" + token);
        assertThat(program.path("focus_areas").isArray()).isTrue();
        assertThat(program.path("focus_areas")).isEmpty();
        assertThat(program.path("delivery_modes")).isEmpty();
        assertThat(program.path("crisis_lines")).isEmpty();
        assertThat(program.path("description").isNull()).isTrue();
        assertThat(program.path("created_at").asText()).isEqualTo(program.path("updated_at").asText());
        assertThat(read(admin, created.header("Location"))).isEqualTo(program);
    }

    @Test
    void nonAdminCannotCreateAProgramAndNothingIsCreated() {
        Session user = server.newUser("Quiet River");
        Map<String, Object> body = program("Unsanctioned Circle");
        String name = (String) body.get("name");

        HttpResult refused = user.http().post("/v1/programs", json(body));
        HttpResult anonymous = server.http().post("/v1/programs", json(body));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("forbidden");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("unauthorized");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(allIds(admin.http(), "/v1/programs?q=" + encode(name))).isEmpty();
    }

    @Test
    void aPhoneCrisisLineNeedsAPhoneNumber() {
        Map<String, Object> line = crisisLine();
        line.remove("phone");
        Map<String, Object> body = program("Phoneless Circle");
        body.put("crisis_lines", List.of(line));

        assertThat(fieldErrors(admin.http().post("/v1/programs", json(body))))
            .containsExactly("crisis_lines[0].phone required");
        assertNotCreated(body);
    }

    @Test
    void countryMustBeAnIsoCode() {
        Map<String, Object> body = program("Nowhere Circle");
        body.put("country", "XX");

        assertThat(fieldErrors(admin.http().post("/v1/programs", json(body)))).containsExactly("country invalid_value");
        assertNotCreated(body);
    }

    @Test
    void timezoneMustBeAnIanaNameNotAnOffset() {
        for (String offset : List.of("Etc/GMT+5", "+02:00")) {
            Map<String, Object> body = program("Offset Circle");
            body.put("timezone", offset);

            assertThat(fieldErrors(admin.http().post("/v1/programs", json(body))))
                .as(offset).containsExactly("timezone invalid_value");
            assertNotCreated(body);
        }
    }

    @Test
    void slugMustBeLowercaseWordsJoinedBySingleHyphens() {
        for (String slug : List.of("Not A Slug", "double--hyphen", "trailing-")) {
            Map<String, Object> body = program("Slugless Circle");
            body.put("slug", slug);

            assertThat(fieldErrors(admin.http().post("/v1/programs", json(body))))
                .as(slug).containsExactly("slug invalid_format");
            assertNotCreated(body);
        }
    }

    @Test
    void nameIsAtMostTwoHundredCharacters() {
        Map<String, Object> tooLong = program("x");
        tooLong.put("name", "N".repeat(201));
        Map<String, Object> longest = program("x");
        longest.put("name", "M".repeat(200));

        assertThat(fieldErrors(admin.http().post("/v1/programs", json(tooLong)))).containsExactly("name too_long");
        assertNotCreated(tooLong);
        assertThat(admin.http().post("/v1/programs", json(longest)).status()).isEqualTo(201);
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        Map<String, Object> body = fields("country", "XX", "timezone", "+02:00", "slug", "Bad Slug");

        assertThat(fieldErrors(admin.http().post("/v1/programs", json(body)))).containsExactlyInAnyOrder(
            "slug invalid_format", "name required", "organization_name required", "country invalid_value",
            "timezone invalid_value");
    }

    @Test
    void anActiveProgramNeedsACrisisLine() {
        Map<String, Object> body = program("Lineless Circle");
        body.put("status", "active");

        HttpResult refused = admin.http().post("/v1/programs", json(body));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("unprocessable");
        assertNotCreated(body);
    }

    @Test
    void activatingADraftWithoutCrisisLinesIsRefusedAndItStaysADraft() {
        JsonNode draft = create(server, program("Lineless Draft"));
        String path = "/v1/programs/" + draft.path("id").asText();

        HttpResult refused = admin.http().patch(path, json(fields("status", "active")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("unprocessable");
        assertThat(read(admin, path)).isEqualTo(draft);
    }

    @Test
    void aDraftWithCrisisLinesCanBeActivated() {
        Map<String, Object> body = program("Ready Draft");
        body.put("crisis_lines", List.of(crisisLine()));
        String path = "/v1/programs/" + create(server, body).path("id").asText();

        HttpResult activated = admin.http().patch(path, json(fields("status", "active")));

        assertThat(activated.status()).isEqualTo(200);
        assertThat(activated.text("/status")).isEqualTo("active");
        assertThat(read(server.newUser("Quiet River"), path).path("status").asText()).isEqualTo("active");
    }

    @Test
    void anActiveProgramCannotGoBackToDraft() {
        JsonNode active = create(server, activeProgram("One Way Circle", "open"));
        String path = "/v1/programs/" + active.path("id").asText();

        HttpResult refused = admin.http().patch(path, json(fields("status", "draft")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("invalid_transition");
        assertThat(read(admin, path)).isEqualTo(active);
    }

    @Test
    void anArchivedProgramCannotBeReactivated() {
        String path = "/v1/programs/" + create(server, activeProgram("Closing Circle", "open")).path("id").asText();
        HttpResult archived = admin.http().patch(path, json(fields("status", "archived")));
        assertThat(archived.status()).isEqualTo(200);

        HttpResult refused = admin.http().patch(path, json(fields("status", "active")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("invalid_transition");
        assertThat(read(admin, path)).isEqualTo(archived.json());
    }

    @Test
    void slugsAreUnique() {
        String slug = "harbor-" + token();
        Map<String, Object> first = program("First Harbor");
        first.put("slug", slug);
        create(server, first);
        Map<String, Object> second = program("Second Harbor");
        second.put("slug", slug);

        HttpResult refused = admin.http().post("/v1/programs", json(second));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("slug_taken");
        assertNotCreated(second);
    }

    @Test
    void aProgramCannotTakeAnotherProgramsSlug() {
        JsonNode first = create(server, program("Taken Slug"));
        JsonNode second = create(server, program("Other Slug"));
        String path = "/v1/programs/" + second.path("id").asText();

        HttpResult refused = admin.http().patch(path, json(fields("slug", first.path("slug").asText())));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("slug_taken");
        assertThat(read(admin, path)).isEqualTo(second);
    }

    @Test
    void aDraftIsHiddenFromAnonymousUnrelatedUsersAndItsParticipants() {
        String name = "Hidden Draft " + token();
        Map<String, Object> body = program("x");
        body.put("name", name);
        String programId = create(server, body).path("id").asText();
        String path = "/v1/programs/" + programId;
        Session participant = server.newUser("Quiet River");
        grant(server, programId, participant, "participant");

        for (HttpResult hidden : List.of(server.http().get(path), server.newUser("Blue Heron").http().get(path),
            participant.http().get(path))) {
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.code()).isEqualTo("not_found");
            assertThat(hidden.body()).doesNotContain(name).doesNotContain("Harbor Community Center");
        }
    }

    @Test
    void aDraftIsReadableByItsCoordinatorItsMentorAndAdmins() {
        String programId = ProgramFixtures.draft(server);
        Session coordinator = server.newUser("Steady Oak");
        Session mentor = server.newUser("Bright Fern");
        grant(server, programId, coordinator, "coordinator");
        grant(server, programId, mentor, "mentor");
        String path = "/v1/programs/" + programId;

        for (Session staff : List.of(coordinator, mentor, admin)) {
            assertThat(read(staff, path).path("status").asText()).isEqualTo("draft");
        }
    }

    @Test
    void theListShowsDraftsOnlyToTheirStaffAndAdmins() {
        String token = token();
        Map<String, Object> activeBody = activeProgram("Open Door " + token, "open");
        Map<String, Object> draftBody = program("Closed Door " + token);
        String active = create(server, activeBody).path("id").asText();
        String draft = create(server, draftBody).path("id").asText();
        Session coordinator = server.newUser("Steady Oak");
        Session mentor = server.newUser("Bright Fern");
        Session participant = server.newUser("Quiet River");
        grant(server, draft, coordinator, "coordinator");
        grant(server, draft, mentor, "mentor");
        grant(server, draft, participant, "participant");
        String search = "/v1/programs?q=" + token;

        assertThat(allIds(server.http(), search)).containsExactly(active);
        assertThat(allIds(server.newUser("Blue Heron").http(), search)).containsExactly(active);
        assertThat(allIds(participant.http(), search)).containsExactly(active);
        assertThat(allIds(coordinator.http(), search)).containsExactly(active, draft);
        assertThat(allIds(mentor.http(), search)).containsExactly(active, draft);
        assertThat(allIds(admin.http(), search)).containsExactly(active, draft);
    }

    @Test
    void theAnonymousListHoldsOnlyActivePrograms() {
        create(server, program("Unlisted Draft"));
        create(server, activeProgram("Listed Circle", "open"));
        List<JsonNode> programs = new ArrayList<>();
        String cursor = null;
        do {
            HttpResult page = server.http().get("/v1/programs?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            page.json().path("data").forEach(programs::add);
            cursor = page.json().path("next_cursor").isNull() ? null : page.text("/next_cursor");
        } while (cursor != null);

        assertThat(programs).isNotEmpty().allSatisfy(p -> assertThat(p.path("status").asText()).isEqualTo("active"));
    }

    @Test
    void textSearchIgnoresCase() {
        String token = token();
        String upper = create(server, activeProgram("Grey Gull " + token.toUpperCase(), "open")).path("id").asText();
        Map<String, Object> described = activeProgram("Grey Gull Described", "open");
        described.put("description", "A circle for the " + token + " harbor");
        String inDescription = create(server, described).path("id").asText();

        assertThat(allIds(server.http(), "/v1/programs?q=" + token)).containsExactly(upper, inDescription);
        assertThat(allIds(server.http(), "/v1/programs?q=" + token.toUpperCase())).containsExactly(upper, inDescription);
    }

    @Test
    void textSearchTakesPercentAndUnderscoreLiterally() {
        String token = token();
        String percent = create(server, activeProgram(token + "% Circle", "open")).path("id").asText();
        create(server, activeProgram(token + "0 Circle", "open"));
        String underscore = create(server, activeProgram(token + "_x Circle", "open")).path("id").asText();
        create(server, activeProgram(token + "yx Circle", "open"));

        assertThat(allIds(server.http(), "/v1/programs?q=" + encode(token + "%"))).containsExactly(percent);
        assertThat(allIds(server.http(), "/v1/programs?q=" + encode(token + "_x"))).containsExactly(underscore);
    }

    @Test
    void anActiveProgramNeedsACrisisLineInItsOwnCountry() {
        Map<String, Object> abroad = activeProgram("Lines Abroad " + token(), "open");
        abroad.putAll(fields("country", "DE", "timezone", "Europe/Berlin"));

        HttpResult refused = admin.http().post("/v1/programs", json(abroad));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("unprocessable");
        assertThat(refused.json().path("detail").asText()).contains("own country");
    }

    @Test
    void listFiltersNarrowByFocusAreaDeliveryModeCountryAndStatus() {
        String token = token();
        Map<String, Object> anxiety = activeProgram("Anxiety Circle " + token, "open");
        anxiety.putAll(fields("focus_areas", List.of("anxiety"), "delivery_modes", List.of("virtual")));
        Map<String, Object> grief = activeProgram("Grief Walk " + token, "open");
        grief.putAll(fields("focus_areas", List.of("grief", "loneliness"), "delivery_modes", List.of("in_person"),
            "country", "DE", "timezone", "Europe/Berlin", "crisis_lines", List.of(Map.of("name", "TelefonSeelsorge",
                "phone", "0800 111 0 111", "modality", "phone", "country", "DE"))));
        Map<String, Object> hybridDraft = program("Hybrid Draft " + token);
        hybridDraft.putAll(fields("focus_areas", List.of("grief"), "delivery_modes", List.of("hybrid")));
        String anxietyId = create(server, anxiety).path("id").asText();
        String griefId = create(server, grief).path("id").asText();
        String draftId = create(server, hybridDraft).path("id").asText();
        String search = "/v1/programs?q=" + token;

        assertThat(allIds(server.http(), search + "&focus_area=grief")).containsExactly(griefId);
        assertThat(allIds(admin.http(), search + "&focus_area=grief")).containsExactly(griefId, draftId);
        assertThat(allIds(server.http(), search + "&delivery_mode=virtual")).containsExactly(anxietyId);
        assertThat(allIds(admin.http(), search + "&delivery_mode=hybrid")).containsExactly(draftId);
        assertThat(allIds(server.http(), search + "&country=DE")).containsExactly(griefId);
        assertThat(allIds(server.http(), search + "&country=US")).containsExactly(anxietyId);
        assertThat(allIds(admin.http(), search + "&status=draft")).containsExactly(draftId);
        assertThat(allIds(server.http(), search + "&status=draft")).isEmpty();
        assertThat(allIds(server.http(), search + "&status=active")).containsExactly(anxietyId, griefId);
    }

    @Test
    void unknownFilterValuesAreRefused() {
        assertThat(fieldErrors(server.http().get("/v1/programs?focus_area=boredom")))
            .containsExactly("focus_area invalid_value");
        assertThat(fieldErrors(server.http().get("/v1/programs?country=us"))).containsExactly("country invalid_value");
        assertThat(fieldErrors(server.http().get("/v1/programs?status=deleted"))).containsExactly("status invalid_value");
        assertThat(fieldErrors(server.http().get("/v1/programs?limit=101"))).containsExactly("limit out_of_range");
        assertThat(fieldErrors(server.http().get("/v1/programs?cursor=bm90LWEtY3Vyc29y")))
            .containsExactly("cursor invalid_cursor");
    }

    @Test
    void pagingVisitsEveryProgramOnceInOrder() {
        String token = token();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            created.add(create(server, program("Paged Circle " + token)).path("id").asText());
        }
        List<JsonNode> pages = new ArrayList<>();
        String cursor = null;
        do {
            HttpResult page = admin.http().get("/v1/programs?limit=20&q=" + token
                + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            pages.add(page.json());
            cursor = page.json().path("next_cursor").isNull() ? null : page.text("/next_cursor");
        } while (cursor != null && pages.size() < 10);

        assertThat(pages).hasSize(3);
        assertThat(pages).extracting(p -> p.path("data").size()).containsExactly(20, 20, 5);
        assertThat(pages).extracting(p -> p.path("has_more").asBoolean()).containsExactly(true, true, false);
        assertThat(pages.get(2).path("next_cursor").isNull()).isTrue();
        List<String> seen = new ArrayList<>();
        pages.forEach(p -> p.path("data").forEach(item -> seen.add(item.path("id").asText())));
        assertThat(seen).containsExactlyElementsOf(created.stream().sorted().toList());
    }

    @Test
    void patchIsAMergePatchNullClearsAndListsAreReplaced() {
        Map<String, Object> body = program("Merge Circle");
        body.putAll(fields("description", "Weekly walks by the harbor", "website", "https://harbor.example.org",
            "contact_email", "circle@harbor.example.org", "focus_areas", List.of("anxiety", "grief"),
            "delivery_modes", List.of("in_person"), "crisis_lines", List.of(crisisLine())));
        JsonNode before = create(server, body);
        String path = "/v1/programs/" + before.path("id").asText();

        HttpResult patched = admin.http().patch(path, json(fields("description", null, "website", null,
            "focus_areas", List.of("stress"))));

        assertThat(patched.status()).isEqualTo(200);
        JsonNode after = patched.json();
        assertThat(after.path("description").isNull()).isTrue();
        assertThat(after.path("website").isNull()).isTrue();
        assertThat(after.path("focus_areas").toString()).isEqualTo("[\"stress\"]");
        for (String kept : List.of("id", "slug", "name", "organization_name", "contact_email", "delivery_modes",
            "country", "timezone", "status", "enrollment", "crisis_lines", "created_at")) {
            assertThat(after.path(kept)).as(kept).isEqualTo(before.path(kept));
        }
        assertThat(read(admin, path)).isEqualTo(after);
    }

    @Test
    void patchRefusesReadOnlyPropertiesAndChangesNothing() {
        JsonNode before = create(server, program("Read Only Circle"));
        String path = "/v1/programs/" + before.path("id").asText();

        assertThat(fieldErrors(admin.http().patch(path, json(fields("id", "prg_01JD4Z8Q6K2V9X1M3N5P7R9T0W",
            "name", "Renamed Circle"))))).containsExactly("id unknown_property");
        assertThat(fieldErrors(admin.http().patch(path, json(fields("created_at", "2020-01-01T00:00:00Z")))))
            .containsExactly("created_at unknown_property");
        assertThat(read(admin, path)).isEqualTo(before);
    }

    @Test
    void aCoordinatorEditsTheirOwnProgram() {
        String programId = ProgramFixtures.draft(server);
        Session coordinator = server.newUser("Steady Oak");
        grant(server, programId, coordinator, "coordinator");

        HttpResult patched = coordinator.http().patch("/v1/programs/" + programId,
            json(fields("description", "Tuesday evenings")));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.text("/description")).isEqualTo("Tuesday evenings");
    }

    @Test
    void aCoordinatorOfOneProgramCannotEditAnother() {
        String programA = ProgramFixtures.draft(server);
        Session coordinator = server.newUser("Steady Oak");
        grant(server, programA, coordinator, "coordinator");
        JsonNode programB = create(server, activeProgram("Neighbour Circle", "open"));
        String pathB = "/v1/programs/" + programB.path("id").asText();

        HttpResult refused = coordinator.http().patch(pathB, json(fields("name", "Taken Over")));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("forbidden");
        assertThat(read(admin, pathB)).isEqualTo(programB);
    }

    @Test
    void aParticipantCannotEditTheirProgram() {
        JsonNode program = create(server, activeProgram("Member Circle", "open"));
        String path = "/v1/programs/" + program.path("id").asText();
        Session participant = server.newUser("Quiet River");
        grant(server, program.path("id").asText(), participant, "participant");

        HttpResult refused = participant.http().patch(path, json(fields("name", "Renamed By A Participant")));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("forbidden");
        assertThat(read(admin, path)).isEqualTo(program);
    }

    @Test
    void anonymousCallersCannotEditOrDelete() {
        JsonNode program = create(server, activeProgram("Public Circle", "open"));
        String path = "/v1/programs/" + program.path("id").asText();

        HttpResult patch = server.http().patch(path, json(fields("name", "Defaced")));
        HttpResult delete = server.http().delete(path);

        assertThat(patch.status()).isEqualTo(401);
        assertThat(delete.status()).isEqualTo(401);
        assertThat(read(admin, path)).isEqualTo(program);
    }

    @Test
    void anAdminDeletesAnEmptyProgram() {
        String path = "/v1/programs/" + ProgramFixtures.draft(server);

        assertThat(admin.http().delete(path).status()).isEqualTo(204);

        HttpResult gone = admin.http().get(path);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("not_found");
    }

    @Test
    void aProgramWithMembersCannotBeDeleted() {
        JsonNode program = create(server, activeProgram("Busy Circle", "open"));
        String path = "/v1/programs/" + program.path("id").asText();
        grant(server, program.path("id").asText(), server.newUser("Quiet River"), "participant");

        HttpResult refused = admin.http().delete(path);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("program_not_empty");
        HttpResult stillThere = server.http().get(path);
        assertThat(stillThere.status()).isEqualTo(200);
        assertThat(stillThere.json()).isEqualTo(program);
    }

    @Test
    void aCoordinatorCannotDeleteTheirProgram() {
        String programId = ProgramFixtures.draft(server);
        Session coordinator = server.newUser("Steady Oak");
        grant(server, programId, coordinator, "coordinator");
        String path = "/v1/programs/" + programId;
        JsonNode before = read(admin, path);

        HttpResult refused = coordinator.http().delete(path);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("forbidden");
        assertThat(read(admin, path)).isEqualTo(before);
    }

    private static void assertNotCreated(Map<String, Object> body) {
        String name = (String) body.get("name");
        String search = name.length() > 200 ? name.substring(0, 200) : name;
        assertThat(allIds(admin.http(), "/v1/programs?q=" + encode(search))).isEmpty();
    }
}
