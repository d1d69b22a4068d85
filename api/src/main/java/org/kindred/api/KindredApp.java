package org.kindred.api;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.plugin.bundled.CorsPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.kindred.api.alerts.AlertRoutes;
import org.kindred.api.audit.AuditRoutes;
import org.kindred.api.audit.AuditTrail;
import org.kindred.api.auth.AuthRoutes;
import org.kindred.api.checkins.CheckinRoutes;
import org.kindred.api.feeds.FeedRoutes;
import org.kindred.api.groups.GroupRoutes;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.ErrorCode;
import org.kindred.api.http.ProblemErrorHandler;
import org.kindred.api.http.ProblemResponder;
import org.kindred.api.http.Query;
import org.kindred.api.http.RequestIds;
import org.kindred.api.idempotency.Idempotency;
import org.kindred.api.invitations.InvitationRoutes;
import org.kindred.api.members.MemberRoutes;
import org.kindred.api.mentors.MentorRoutes;
import org.kindred.api.mentors.MentorshipRoutes;
import org.kindred.api.privacy.PrivacyRoutes;
import org.kindred.api.programs.ProgramRoutes;
import org.kindred.api.progress.ProgressRoutes;
import org.kindred.api.security.Authenticator;
import org.kindred.api.security.Principal;
import org.kindred.api.sessions.SessionRoutes;
import org.kindred.api.system.SystemRoutes;
import org.kindred.api.users.UserRoutes;
import org.kindred.api.venues.VenueRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP application: middleware, every feature's routes, and periodic housekeeping. Tests start it too. */
public final class KindredApp {
    public static final long MAX_BODY_BYTES = 1_000_000;
    /**
     * An oversized body declared up to this long is read and dropped before the 413 is sent: answering while the
     * client still sends made the connection close under it, and the client often saw a broken pipe, not the answer.
     */
    private static final long DRAINED_BODY_BYTES = 2 * MAX_BODY_BYTES;
    /** How long a stopping server waits for requests in flight; shorter than the usual 30 s a supervisor grants. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger("kindred.http");

    private final Services services;
    private final Idempotency idempotency;
    private final Javalin javalin;
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kindred-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    public KindredApp(Services services) {
        this.services = services;
        this.idempotency = new Idempotency(services.db(), services.clock(),
            ctx -> Authenticator.optional(ctx).map(Principal::userId));
        Authenticator authenticator = new Authenticator(services.accessTokens(), services.users()::principal);
        this.javalin = Javalin.create(config -> configure(config, authenticator));
    }

    /** CORS stays off unless origins are configured; then only they may call, and read the headers clients need. */
    private static void allowBrowserOrigins(JavalinConfig config, List<String> origins) {
        if (origins.isEmpty()) {
            return;
        }
        config.registerPlugin(new CorsPlugin(cors -> cors.addRule(rule -> {
            rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
            List.of("ETag", "Location", "Request-Id", "Retry-After", "Idempotent-Replayed").forEach(rule::exposeHeader);
        })));
    }

    private void configure(JavalinConfig config, Authenticator authenticator) {
        config.startup.showJavalinBanner = false;
        config.jetty.modifyServer(server -> {
            // On stop, connectors stop accepting and requests already in flight get up to STOP_TIMEOUT to finish.
            server.setStopTimeout(STOP_TIMEOUT.toMillis());
            server.setHandler(new GracefulHandler());
            server.setErrorHandler(new ProblemErrorHandler());
        });
        // Jetty keeps header lines a connection repeats in a trie and walks it byte by byte on every request; a
        // client sending the same 300-byte bearer token each time made that walk cost more than reading it afresh.
        config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.http.prefer405over404 = true;
        config.staticFiles.enableWebjars();
        allowBrowserOrigins(config, services.config().corsOrigins());
        config.requestLogger.http((ctx, millis) -> LOG.info("{} {} {} {} {}ms", RequestIds.of(ctx), ctx.method(),
            ctx.path(), ctx.statusCode(), Math.round(millis)));
        RoutesConfig routes = config.routes;
        routes.before(ctx -> {
            RequestIds.assign(ctx);
            AuditTrail.bindRequest(RequestIds.of(ctx));
            ctx.header("X-Content-Type-Options", "nosniff");
            refuseOversizedBody(ctx);
            authenticator.authenticate(ctx);
        });
        routes.beforeMatched(Query::limitPathIds);
        routes.after(ctx -> {
            cacheControl(ctx);
            AuditTrail.clearRequest();
        });
        ProblemResponder.register(routes);
        new SystemRoutes(services.db(), services.keys()).addTo(routes);
        new AuthRoutes(services.auth(), services.users(), idempotency).addTo(routes);
        new UserRoutes(services.users()).addTo(routes);
        new ProgramRoutes(services.programs(), idempotency).addTo(routes);
        new MemberRoutes(services.members(), idempotency).addTo(routes);
        new InvitationRoutes(services.invitations(), idempotency).addTo(routes);
        new VenueRoutes(services.venues(), idempotency).addTo(routes);
        new GroupRoutes(services.groups(), services.groupMembers(), idempotency).addTo(routes);
        new SessionRoutes(services.sessions(), services.rsvps(), services.attendance(), services.calendars()).addTo(routes);
        new FeedRoutes(services.meetingGuide()).addTo(routes);
        new MentorRoutes(services.mentors(), services.matches()).addTo(routes);
        new MentorshipRoutes(services.mentorships(), idempotency).addTo(routes);
        new CheckinRoutes(services.checkins(), idempotency).addTo(routes);
        new AlertRoutes(services.alerts()).addTo(routes);
        new ProgressRoutes(services.progress()).addTo(routes);
        new AuditRoutes(services.audit()).addTo(routes);
        new PrivacyRoutes(services.privacy()).addTo(routes);
    }

    public KindredApp start(int port) {
        javalin.start(port);
        housekeeping.scheduleWithFixedDelay(this::houseKeep, 10, 10, TimeUnit.MINUTES);
        housekeeping.scheduleWithFixedDelay(this::checkpoint, 1, 1, TimeUnit.MINUTES);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    public Javalin javalin() {
        return javalin;
    }

    public void stop() {
        housekeeping.shutdownNow();
        javalin.stop();
    }

    private void checkpoint() {
        try {
            if (!services.db().checkpoint()) {
                LOG.debug("a long read held the WAL back; the next checkpoint will empty it");
            }
        } catch (RuntimeException e) {
            LOG.warn("checkpoint failed; it will run again", e);
        }
    }

    private void houseKeep() {
        try {
            int keys = idempotency.purgeExpired();
            int tokens = services.auth().purgeExpiredRefreshTokens();
            LOG.debug("housekeeping removed {} idempotency records and {} refresh tokens", keys, tokens);
        } catch (RuntimeException e) {
            LOG.warn("housekeeping failed; it will run again", e);
        }
    }

    private static void refuseOversizedBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            if (declared <= DRAINED_BODY_BYTES) {
                discardBody(ctx);
            }
            throw new ApiException(ErrorCode.payload_too_large, "the request body is over the 1 MB limit");
        }
    }

    private static void discardBody(Context ctx) {
        try (InputStream body = ctx.req().getInputStream()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            LOG.debug("the client stopped sending an oversized body: {}", e.getMessage());
        }
    }

    /** Nothing about people may sit in a shared cache: authenticated and token responses are never stored. */
    private static void cacheControl(Context ctx) {
        if (ctx.res().getHeader("Cache-Control") == null
            && (ctx.header("Authorization") != null || ctx.path().startsWith("/v1/auth/"))) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
