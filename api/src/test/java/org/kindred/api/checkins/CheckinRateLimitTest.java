package org.kindred.api.checkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.checkins.CheckinFixtures.body;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.checkins.CheckinFixtures.Program;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/** Check-ins are limited per person ({@code checkin_user}), here to three an hour. */
class CheckinRateLimitTest {
    private static TestServer server;
    private static CheckinFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("KINDRED_RATE_LIMITS",
            "checkin_user=3/1h,login_ip=100000/1h,login_account=100000/1h"));
        fixtures = new CheckinFixtures(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theFourthCheckinInAnHourIsRefusedAndNotStored() {
        Program program = fixtures.program("Harbor Peer Circle", "Quiet River");
        Session participant = fixtures.participant(program, "Green Fern");
        for (int i = 0; i < 3; i++) {
            assertThat(participant.http().post("/v1/checkins", body(program.id())).status()).isEqualTo(201);
        }

        HttpResult limited = participant.http().post("/v1/checkins", body(program.id(), "note", "fourth"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(CheckinFixtures.allIds(participant.http(), "/v1/checkins")).hasSize(3);
    }

    @Test
    void theLimitIsPerPerson() {
        Program program = fixtures.program("Harbor Peer Circle", "Quiet River");
        Session busy = fixtures.participant(program, "Green Fern");
        Session other = fixtures.participant(program, "Blue Heron");
        for (int i = 0; i < 3; i++) {
            busy.http().post("/v1/checkins", body(program.id()));
        }
        assertThat(busy.http().post("/v1/checkins", body(program.id())).status()).isEqualTo(429);

        assertThat(other.http().post("/v1/checkins", body(program.id())).status()).isEqualTo(201);
    }

    @Test
    void aReplayDoesNotCountAgainstTheLimit() {
        Program program = fixtures.program("Harbor Peer Circle", "Quiet River");
        Session participant = fixtures.participant(program, "Green Fern");
        HttpResult first = participant.http().header("Idempotency-Key", "retry-1").post("/v1/checkins", body(program.id()));
        for (int i = 0; i < 4; i++) {
            HttpResult replay = participant.http().header("Idempotency-Key", "retry-1").post("/v1/checkins", body(program.id()));
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.body()).isEqualTo(first.body());
        }

        assertThat(participant.http().post("/v1/checkins", body(program.id())).status()).isEqualTo(201);
        assertThat(participant.http().post("/v1/checkins", body(program.id())).status()).isEqualTo(201);
        assertThat(participant.http().post("/v1/checkins", body(program.id())).status()).isEqualTo(429);
    }
}
