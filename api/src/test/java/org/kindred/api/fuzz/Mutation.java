package org.kindred.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kindred.api.fuzz.ApiSpec.Operation;
import org.kindred.api.fuzz.FuzzWorld.Target;
import org.kindred.api.fuzz.Probe.Expect;

import org.kindred.api.testing.JsonText;
/**
 * One change to an operation's succeeding request, made concrete on a target (whose base body carries
 * fresh names on every call). Mutations are plain data so that jqwik can generate and report them.
 */
record Mutation(String what, Expect expect, String field, Change change) {

    /** How the request differs from the target's succeeding one. */
    interface Change {
        Request apply(Request base);
    }

    /** A request before it is sent: query and path values are not yet encoded. */
    record Request(String method, String template, Map<String, String> path, List<Map.Entry<String, String>> query,
                   byte[] body, String contentType, boolean raw) {

        Request withBody(byte[] newBody) {
            return new Request(method, template, path, query, newBody, contentType, raw);
        }

        Request withContentType(String type) {
            return new Request(method, template, path, query, body, type, raw);
        }

        Request withQuery(List<Map.Entry<String, String>> newQuery) {
            return new Request(method, template, path, newQuery, body, contentType, raw);
        }

        Request withPath(String name, String value, boolean rawValue) {
            Map<String, String> values = new LinkedHashMap<>(path);
            values.put(name, value);
            return new Request(method, template, values, query, body, contentType, raw || rawValue);
        }

        /** The path with its values percent-encoded (a slash in a value becomes %2F), and the query string. */
        String pathAndQuery() {
            String result = template;
            for (Map.Entry<String, String> value : path.entrySet()) {
                result = result.replace("{" + value.getKey() + "}", encode(value.getValue()));
            }
            StringBuilder query = new StringBuilder();
            for (Map.Entry<String, String> parameter : this.query) {
                query.append(query.length() == 0 ? '?' : '&').append(encode(parameter.getKey()));
                if (parameter.getValue() != null) {
                    query.append('=').append(encode(parameter.getValue()));
                }
            }
            return result + query;
        }
    }

    /** The succeeding request itself. */
    static Mutation unchanged() {
        return new Mutation("unchanged", Expect.ACCEPTED_OR_INVALID_FIELD, null, base -> base);
    }

    static Mutation body(String what, Expect expect, String field, Function<ObjectNode, byte[]> body) {
        return new Mutation(what, expect, field, base -> base.withBody(body.apply(parse(base.body()))));
    }

    static Mutation slot(Slot slot, JsonNode value, Expect expect, String what) {
        return body(what + " " + slot.field() + " = " + describe(value), expect, slot.field(),
            base -> bytes(slot.set(base, value)));
    }

    Probe on(Operation op, Target target) {
        Request base = new Request(op.method(), op.path(), target.path(),
            target.query().entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList(),
            target.body() == null ? null : bytes(target.body()),
            target.body() == null ? null : op.contentTypes().get(0), false);
        Request request = change.apply(base);
        return new Probe(op.id() + ": " + what, request.method(), request.pathAndQuery(), request.body(),
            request.contentType(), request.raw(), expect, field);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static byte[] bytes(JsonNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    static ObjectNode parse(byte[] body) {
        return (ObjectNode) JsonText.parse(new String(body, StandardCharsets.UTF_8));
    }

    static String describe(JsonNode value) {
        if (value == null) {
            return "(removed)";
        }
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 40) + "...(" + text.length() + " chars)" : text;
    }

    @Override
    public String toString() {
        return what;
    }
}
