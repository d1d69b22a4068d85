package org.kindred.api;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kindred.api.config.Config;
import org.kindred.api.config.ConfigException;
import org.kindred.api.db.Database;
import org.kindred.api.db.ServerLock;
import org.kindred.api.db.Meta;
import org.kindred.api.demo.DemoData;
import org.kindred.api.demo.DemoLogin;
import org.kindred.api.http.ApiException;
import org.kindred.api.users.NewAccount;

/** {@code kindred serve [--demo] [options]}: opens the database, prepares it, and serves until stopped. */
public final class ServeCommand {
    private static final String DEMO_KEY = "demo";
    private static final int READ_CONNECTIONS = 4;

    private ServeCommand() {
    }

    /** Starts serving; the returned server (or the JVM shutdown hook) stops the app and closes the database. */
    public static RunningServer start(Config config, PrintStream out) {
        ServerLock lock = ServerLock.acquire(config.database());
        Database db;
        try {
            db = Database.open(config.database(), config.durability(), READ_CONNECTIONS);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            Services services = Services.wire(config, db, Clock.systemUTC());
            if (config.demo()) {
                prepareDemo(services, config, out);
            }
            config.adminBootstrap().ifPresent(admin -> bootstrapAdmin(services, admin, out));
            KindredApp app = new KindredApp(services).start(config.port());
            out.println("Kindred is listening on http://localhost:" + app.port() + " (database " + config.database()
                + "); docs at http://localhost:" + app.port() + "/docs");
            return new RunningServer(app, db, lock);
        } catch (RuntimeException e) {
            db.close();
            lock.close();
            throw e;
        }
    }

    /**
     * A started server; closing it (once, from code or at JVM shutdown, e.g. on SIGTERM) stops accepting, lets
     * requests in flight finish (up to {@link KindredApp#STOP_TIMEOUT}), checkpoints and closes the database.
     */
    public static final class RunningServer implements AutoCloseable {
        private final KindredApp app;
        private final Database db;
        private final ServerLock lock;
        private final Thread shutdownHook = new Thread(this::stop, "kindred-shutdown");
        private final AtomicBoolean closed = new AtomicBoolean();

        private RunningServer(KindredApp app, Database db, ServerLock lock) {
            this.app = app;
            this.db = db;
            this.lock = lock;
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }

        public KindredApp app() {
            return app;
        }

        public int port() {
            return app.port();
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to; stop() below is safe to call twice
            }
            stop();
        }

        private void stop() {
            if (closed.compareAndSet(false, true)) {
                try {
                    app.stop();
                } finally {
                    try {
                        db.close();
                    } finally {
                        lock.close();
                    }
                }
            }
        }
    }

    private static void prepareDemo(Services services, Config config, PrintStream out) {
        Meta meta = new Meta(services.db());
        if (meta.get(DEMO_KEY).isPresent()) {
            out.println("Using the existing demo database " + config.database() + "; demo logins use the password "
                + DemoData.PASSWORD);
            return;
        }
        if (!meta.isEmpty()) {
            throw new ConfigException("--demo: " + config.database() + " holds real data, not demo data; "
                + "pick another file with --db or KINDRED_DB");
        }
        List<DemoLogin> logins = services.db().unitOfWork(() -> DemoData.seed(services),
            (handle, seeded) -> meta.put(DEMO_KEY, "true"));
        out.println("Demo data created in " + config.database() + ". Demo logins:");
        for (DemoLogin login : logins) {
            out.printf("  %-34s %s   (%s)%n", login.email(), login.password(), login.description());
        }
    }

    private static void bootstrapAdmin(Services services, Config.AdminBootstrap admin, PrintStream out) {
        if (services.users().anyAdmin()) {
            return;
        }
        try {
            NewAccount account = AdminCreateCommand.checked(admin.email(), admin.password(), "Admin");
            services.users().create(account);
            out.println("Created the first admin, " + admin.email() + ", from KINDRED_ADMIN_EMAIL");
        } catch (ApiException e) {
            throw new ConfigException("KINDRED_ADMIN_EMAIL/KINDRED_ADMIN_PASSWORD: " + e.detail());
        }
    }
}
