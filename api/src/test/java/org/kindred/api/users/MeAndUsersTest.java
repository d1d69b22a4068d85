package org.kindred.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

class MeAndUsersTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void meIsTheCallersOwnAccount() {
        Session river = server.newUser("Quiet River");
        HttpResult me = river.http().get("/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("/id")).isEqualTo(river.userId()).startsWith("usr_");
        assertThat(me.text("/email")).isEqualTo(river.email());
        assertThat(me.text("/display_name")).isEqualTo("Quiet River");
        assertThat(me.json().path("admin").asBoolean(true)).isFalse();
        assertThat(me.json().path("memberships").isArray()).isTrue();
        assertThat(me.json().path("memberships")).isEmpty();
        assertThat(me.header("ETag")).isNotBlank();
        assertThat(me.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void patchMeChangesTheDisplayName() {
        Session heron = server.newUser("Blue Heron");
        HttpResult changed = heron.http().patch("/v1/me", "{\"display_name\":\"Grey Heron\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("/display_name")).isEqualTo("Grey Heron");
        HttpResult reread = heron.http().get("/v1/me");
        assertThat(reread.text("/display_name")).isEqualTo("Grey Heron");
        assertThat(reread.text("/email")).isEqualTo(heron.email());
        assertThat(reread.header("ETag")).isEqualTo(changed.header("ETag"));
    }

    @Test
    void meAnswersNotModifiedForTheCurrentETag() {
        Session otter = server.newUser("River Otter");
        String etag = otter.http().get("/v1/me").header("ETag");
        HttpResult unchanged = otter.http().header("If-None-Match", etag).get("/v1/me");
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
    }

    @Test
    void patchMeWithAStaleETagIsPreconditionFailedAndChangesNothing() {
        Session otter = server.newUser("Sea Otter");
        String stale = otter.http().get("/v1/me").header("ETag");
        otter.http().patch("/v1/me", "{\"display_name\":\"Calm Otter\"}");
        HttpResult refused = otter.http().header("If-Match", stale).patch("/v1/me", "{\"display_name\":\"Loud Otter\"}");
        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.code()).isEqualTo("precondition_failed");
        assertThat(otter.http().get("/v1/me").text("/display_name")).isEqualTo("Calm Otter");
    }

    @Test
    void patchMeRefusesEmailAsAnUnknownPropertyAndChangesNothing() {
        Session lark = server.newUser("Morning Lark");
        String before = lark.http().get("/v1/me").body();
        HttpResult refused = lark.http().patch("/v1/me",
            "{\"email\":\"taken.over@example.org\",\"display_name\":\"Changed Lark\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("validation_failed");
        assertThat(refused.text("/errors/0/field")).isEqualTo("email");
        assertThat(refused.text("/errors/0/code")).isEqualTo("unknown_property");
        assertThat(lark.http().get("/v1/me").body()).isEqualTo(before);
        assertThat(server.login(lark.email()).userId()).isEqualTo(lark.userId());
    }

    @Test
    void patchMeCannotMakeAnyoneAdmin() {
        Session moth = server.newUser("Night Moth");
        String before = moth.http().get("/v1/me").body();
        HttpResult refused = moth.http().patch("/v1/me", "{\"admin\":true}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("validation_failed");
        assertThat(refused.text("/errors/0/field")).isEqualTo("admin");
        assertThat(refused.text("/errors/0/code")).isEqualTo("unknown_property");
        assertThat(moth.http().get("/v1/me").body()).isEqualTo(before);
        assertThat(moth.http().get("/v1/users").status()).isEqualTo(403);
    }

    @Test
    void patchMeRefusesABlankDisplayName() {
        Session fern = server.newUser("Green Fern");
        HttpResult refused = fern.http().patch("/v1/me", "{\"display_name\":\"   \"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/errors/0/field")).isEqualTo("display_name");
        assertThat(fern.http().get("/v1/me").text("/display_name")).isEqualTo("Green Fern");
    }

    @Test
    void adminListsAccounts() {
        Session pine = server.newUser("Tall Pine");
        Session ash = server.newUser("Mountain Ash");
        HttpResult page = server.admin().http().get("/v1/users?limit=100");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("data").findValuesAsText("id")).contains(pine.userId(), ash.userId());
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void adminPagesThroughAccountsWithTheCursor() {
        server.newUser("First Page");
        server.newUser("Second Page");
        HttpResult first = server.admin().http().get("/v1/users?limit=1");
        assertThat(first.json().path("data")).hasSize(1);
        assertThat(first.json().path("has_more").asBoolean()).isTrue();
        String cursor = first.text("/next_cursor");
        HttpResult second = server.admin().http().get("/v1/users?limit=1&cursor=" + encode(cursor));
        assertThat(second.json().path("data")).hasSize(1);
        assertThat(second.text("/data/0/id")).isGreaterThan(first.text("/data/0/id"));
        assertThat(server.admin().http().get("/v1/users?limit=0").code()).isEqualTo("validation_failed");
        assertThat(server.admin().http().get("/v1/users?cursor=not-a-cursor").code()).isEqualTo("validation_failed");
    }

    @Test
    void adminFindsAnAccountByEmailInAnyLetterCase() {
        Session pine = server.newUser("Lone Pine");
        server.newUser("Other Pine");
        HttpResult found = server.admin().http().get("/v1/users?email=" + encode(pine.email().toUpperCase(Locale.ROOT)));
        assertThat(found.status()).isEqualTo(200);
        JsonNode data = found.json().path("data");
        assertThat(data).hasSize(1);
        assertThat(data.get(0).path("id").asText()).isEqualTo(pine.userId());
        assertThat(data.get(0).path("email").asText()).isEqualTo(pine.email());
        assertThat(data.get(0).path("display_name").asText()).isEqualTo("Lone Pine");
        assertThat(found.json().path("has_more").asBoolean(true)).isFalse();
    }

    @Test
    void adminSearchForAnUnknownEmailIsAnEmptyPage() {
        HttpResult found = server.admin().http().get("/v1/users?email=" + encode("nobody@example.org"));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("data")).isEmpty();
    }

    @Test
    void nonAdminCannotListAccountsAndSeesNoneOfThem() {
        Session someone = server.newUser("Curious Wren");
        Session other = server.newUser("Private Owl");
        for (String path : new String[] {"/v1/users", "/v1/users?email=" + encode(other.email())}) {
            HttpResult refused = someone.http().get(path);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
            assertThat(refused.json().has("data")).isFalse();
            assertThat(refused.body()).doesNotContain(other.userId()).doesNotContain("Private Owl")
                .doesNotContain("@test.kindred.dev");
        }
    }

    @Test
    void anonymousCannotListAccounts() {
        server.newUser("Hidden Fox");
        HttpResult refused = server.http().get("/v1/users");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("unauthorized");
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(refused.body()).doesNotContain("usr_").doesNotContain("@test.kindred.dev");
    }

    /** An update applies its body inside a write: a client sending it slowly must not hold up anyone else's. */
    @Test
    void aPatchWhoseBodyIsStillArrivingHoldsUpNoOtherWrite() throws Exception {
        Session slow = server.newUser("Slow Sender");
        Session other = server.newUser("Other Writer");
        byte[] body = "{\"display_name\":\"Patient Sender\"}".getBytes(StandardCharsets.UTF_8);
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH /v1/me HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + slow.accessToken()
                + "\r\nContent-Type: application/merge-patch+json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            TimeUnit.MILLISECONDS.sleep(300);

            HttpResult meanwhile = CompletableFuture.supplyAsync(
                () -> other.http().patch("/v1/me", "{\"display_name\":\"Quick Writer\"}")).get(5, TimeUnit.SECONDS);
            assertThat(meanwhile.status()).isEqualTo(200);

            out.write(body, 10, body.length - 10);
            out.flush();
            assertThat(responseTo(socket)).startsWith("HTTP/1.1 200");
        }
        assertThat(slow.http().get("/v1/me").text("/display_name")).isEqualTo("Patient Sender");
        assertThat(other.http().get("/v1/me").text("/display_name")).isEqualTo("Quick Writer");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String responseTo(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
