package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.MutableClock;
import org.kindred.api.testing.TestServer;
import org.kindred.sdk.api.ProgramsApi;
import org.kindred.sdk.model.CrisisLine;
import org.kindred.sdk.model.CrisisModality;
import org.kindred.sdk.model.Program;
import org.kindred.sdk.model.ProgramCreate;
import org.kindred.sdk.model.ProgramList;
import org.kindred.sdk.model.ProgramStatus;

class ProgramsSdkTest {
    private static final MutableClock SERVER_CLOCK = MutableClock.atSystemTime();
    private static TestServer server;
    private static String adminEmail;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(), SERVER_CLOCK);
        adminEmail = server.account("Admin", true).email();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static KindredClient signedInAdmin() {
        KindredClient kindred = TestClients.anonymous(server);
        kindred.login(adminEmail, TestServer.PASSWORD);
        return kindred;
    }

    private static ProgramCreate program(String name) {
        return new ProgramCreate().name(name).organizationName("SDK Test Org").country("US")
            .timezone("America/Chicago").status(ProgramStatus.ACTIVE)
            .addCrisisLinesItem(new CrisisLine().name("988 Lifeline").phone("988").modality(CrisisModality.PHONE).country("US"));
    }

    @Test
    void createsReadsAndPagesThroughPrograms() {
        KindredClient kindred = signedInAdmin();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String name = "Paging Circle " + i;
            created.add(kindred.call(api -> api.programs().createProgram(program(name), null)).getId());
        }
        Program read = kindred.call(api -> api.programs().getProgram(created.get(0), (String) null));
        assertThat(read.getName()).isEqualTo("Paging Circle 0");
        assertThat(read.getCrisisLines()).extracting(CrisisLine::getPhone).containsExactly("988");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String after = cursor;
            ProgramList page = kindred.call(api -> api.programs().listPrograms(
                ProgramsApi.APIListProgramsRequest.newBuilder().limit(10).cursor(after).q("Paging Circle").build()));
            page.getData().forEach(program -> seen.add(program.getId()));
            cursor = page.getNextCursor();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void refusalsArriveAsTypedExceptionsWithCodeAndRequestId() {
        KindredClient kindred = signedInAdmin();
        assertThatThrownBy(() -> kindred.call(api -> api.programs().getProgram("prg_01JD4Z8Q6K2V9X1M3N5P7R9T0W", (String) null)))
            .isInstanceOfSatisfying(KindredException.class, e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.code()).isEqualTo("not_found");
                assertThat(e.requestId()).startsWith("req_");
            });
        assertThatThrownBy(() -> kindred.call(api -> api.programs().createProgram(program("Bad Country").country("XX"), null)))
            .isInstanceOfSatisfying(KindredException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.code()).isEqualTo("validation_failed");
                assertThat(e.fieldErrors()).extracting("field").containsExactly("country");
            });
    }

    @Test
    void refreshesAnExpiredAccessTokenAndRepeatsTheCall() {
        KindredClient kindred = signedInAdmin();
        kindred.call(api -> api.users().getMe((String) null));
        SERVER_CLOCK.advance(Duration.ofMinutes(16));
        assertThat(kindred.call(api -> api.users().getMe((String) null)).getEmail()).isEqualTo(adminEmail);
    }

    @Test
    void afterLogoutCallsAreAnonymous() {
        KindredClient kindred = signedInAdmin();
        kindred.logout();
        assertThatThrownBy(() -> kindred.call(api -> api.users().getMe((String) null)))
            .isInstanceOfSatisfying(KindredException.class, e -> assertThat(e.code()).isEqualTo("unauthorized"));
    }
}
