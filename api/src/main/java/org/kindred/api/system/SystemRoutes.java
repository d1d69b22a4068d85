package org.kindred.api.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.kindred.api.db.Database;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.ErrorCode;
import org.kindred.api.http.Json;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.security.SigningKeys;

/** Probes, the contract, its interactive docs and the token verification keys. */
public final class SystemRoutes {
    private final Database db;
    private final SigningKeys keys;
    private final byte[] specYaml = resource("/openapi/kindred.yaml");
    /** Converted on first request rather than at start-up, where reading the YAML took a tenth of it. */
    private volatile byte[] specJson;
    private final byte[] docsPage = resource("/public/docs.html");

    public SystemRoutes(Database db, SigningKeys keys) {
        this.db = db;
        this.keys = keys;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/ready", this::ready);
        routes.get("/openapi.yaml", ctx -> serve(ctx, "application/yaml", specYaml));
        routes.get("/openapi.json", ctx -> serve(ctx, Responses.JSON, specJson()));
        routes.get("/docs", ctx -> serve(ctx, "text/html; charset=utf-8", docsPage));
        routes.get("/.well-known/jwks.json", this::jwks);
    }

    private void health(Context ctx) {
        Query.of(ctx);
        Responses.ok(ctx, Map.of("status", "ok"));
    }

    private void ready(Context ctx) {
        Query.of(ctx);
        if (!db.isReady()) {
            throw new ApiException(ErrorCode.unavailable, "the database is not reachable or not migrated");
        }
        Responses.ok(ctx, Map.of("status", "ready"));
    }

    private void jwks(Context ctx) {
        Query.of(ctx);
        ctx.header("Cache-Control", "public, max-age=300");
        Responses.ok(ctx, keys.jwks());
    }

    private byte[] specJson() {
        byte[] json = specJson;
        if (json == null) {
            json = toJson(specYaml);
            specJson = json;
        }
        return json;
    }

    private static void serve(Context ctx, String contentType, byte[] body) {
        Query.of(ctx);
        ctx.contentType(contentType).result(body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = SystemRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] toJson(byte[] yaml) {
        try {
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            return Json.bytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
