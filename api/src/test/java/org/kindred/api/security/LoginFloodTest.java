package org.kindred.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;
import org.kindred.api.users.Account;

/**
 * Password hashing runs on a small bounded pool, so a flood of wrong-password logins queues behind it while
 * everyone else's reads go on. Rate limits are off here: with them on, the flood would be refused before hashing.
 */
class LoginFloodTest {
    private static final int FLOODERS = 48;

    @Test
    void readsAreAnsweredWhileAFloodOfWrongPasswordsIsStillBeingHashed() throws Exception {
        try (TestServer server = TestServer.startHashingLikeProduction(Map.of("KINDRED_RATE_LIMITS", "off"))) {
            Account attacked = server.account("Quiet River", false);
            Session reader = server.newUser("Blue Heron");
            String program = ProgramFixtures.active(server, "open");
            ExecutorService pool = Executors.newFixedThreadPool(FLOODERS);
            try {
                List<CompletableFuture<HttpResult>> flood = new ArrayList<>();
                for (int i = 0; i < FLOODERS; i++) {
                    flood.add(CompletableFuture.supplyAsync(() -> server.http().post("/v1/auth/token",
                        "{\"email\":\"" + attacked.email() + "\",\"password\":\"a wrong password, again\"}"), pool));
                }

                List<Integer> reads = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    reads.add(reader.http().get("/v1/programs/" + program).status());
                    reads.add(reader.http().get("/v1/me").status());
                }
                long stillHashing = flood.stream().filter(login -> !login.isDone()).count();

                assertThat(reads).containsOnly(200);
                assertThat(stillHashing).as("logins of the flood still waiting when 40 reads had been answered")
                    .isPositive();
                for (CompletableFuture<HttpResult> login : flood) {
                    assertThat(login.get(60, TimeUnit.SECONDS).code()).isEqualTo("invalid_credentials");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
