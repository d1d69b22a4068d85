package org.kindred.api.testing;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.kindred.api.KindredApp;
import org.kindred.api.Services;
import org.kindred.api.config.Config;
import org.kindred.api.db.Database;
import org.kindred.api.security.PasswordHasher;
import org.kindred.api.users.Account;
import org.kindred.api.users.NewAccount;

/**
 * The real application on a free port with a fresh database and key directory in a temporary folder.
 * Accounts are made through the services (quick, and not subject to sign-up limits); everything a test
 * checks goes over HTTP.
 */
public final class TestServer implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /**
     * Fixtures sign up and sign in hundreds of accounts, and at the production cost (19 MiB, 2 passes) hashing took
     * three quarters of a test class's time; these parameters keep the same code path at a fraction of a millisecond.
     */
    private static final Argon2Function CHEAP_ARGON2 = Argon2Function.getInstance(64, 1, 1, 32, Argon2.ID);

    private final Path directory;
    private final Database db;
    private final Services services;
    private final KindredApp app;
    private final String baseUrl;
    private Session admin;

    private TestServer(Map<String, String> env, Clock clock, boolean hashLikeProduction) {
        try {
            directory = Files.createTempDirectory("kindred-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new HashMap<>(env);
        settings.putIfAbsent("KINDRED_DB", directory.resolve("kindred.db").toString());
        settings.putIfAbsent("KINDRED_KEYS", directory.resolve("keys").toString());
        settings.putIfAbsent("KINDRED_PORT", "0");
        settings.putIfAbsent("KINDRED_DURABILITY", "normal");
        Config config = Config.load(settings, List.of());
        db = Database.open(config.database(), config.durability(), 4);
        services = hashLikeProduction ? Services.wire(config, db, clock)
            : Services.wire(config, db, clock, new PasswordHasher(1, CHEAP_ARGON2));
        app = new KindredApp(services).start(0);
        baseUrl = "http://localhost:" + app.port();
    }

    public static TestServer start() {
        return new TestServer(Map.of(), Clock.systemUTC(), false);
    }

    /** With settings as environment variables, e.g. {@code KINDRED_RATE_LIMITS=off}. */
    public static TestServer start(Map<String, String> env) {
        return new TestServer(env, Clock.systemUTC(), false);
    }

    /** With a clock the test controls (see {@link MutableClock}). */
    public static TestServer start(Map<String, String> env, Clock clock) {
        return new TestServer(env, clock, false);
    }

    /** Hashing passwords at the production cost, for tests of what that cost does (a flood of logins, say). */
    public static TestServer startHashingLikeProduction(Map<String, String> env) {
        return new TestServer(env, Clock.systemUTC(), true);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Services services() {
        return services;
    }

    public KindredApp app() {
        return app;
    }

    public Path directory() {
        return directory;
    }

    /** An anonymous client. */
    public Http http() {
        return new Http(baseUrl);
    }

    /** The server's admin, created on first use. */
    public synchronized Session admin() {
        if (admin == null) {
            admin = login(account("Admin", true).email());
        }
        return admin;
    }

    /** A new account with the given display name, signed in. */
    public Session newUser(String displayName) {
        return login(account(displayName, false).email());
    }

    public Account account(String displayName, boolean isAdmin) {
        String email = "user" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@test.kindred.dev";
        return services.users().create(new NewAccount(email, PASSWORD, displayName, isAdmin));
    }

    public Session login(String email) {
        return login(email, PASSWORD);
    }

    /** Signs in an account with its own password, such as a demo login. */
    public Session login(String email, String password) {
        HttpResult tokens = http().post("/v1/auth/token",
            "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (tokens.status() != 200) {
            throw new IllegalStateException("login failed: " + tokens);
        }
        String access = tokens.text("/access_token");
        String userId = http().bearer(access).get("/v1/me").text("/id");
        return new Session(userId, email, access, tokens.text("/refresh_token"), http().bearer(access));
    }

    @Override
    public void close() {
        app.stop();
        db.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
