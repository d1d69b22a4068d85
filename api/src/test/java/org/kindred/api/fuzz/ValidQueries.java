package org.kindred.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.kindred.api.fuzz.ApiSpec.Operation;
import org.kindred.api.fuzz.ApiSpec.Parameter;
import org.kindred.api.fuzz.Probe.Expect;

/**
 * Query strings the contract allows, with values the caller may use (their own ids, their program): each must
 * be answered, or refused by naming one of its parameters when two of them cannot go together.
 */
final class ValidQueries {
    private ValidQueries() {
    }

    static Arbitrary<Mutation> of(Operation op, FuzzWorld world) {
        List<Parameter> parameters = op.in("query").stream().filter(p -> !p.name().equals("cursor")).toList();
        List<Arbitrary<Map.Entry<String, String>>> entries = new ArrayList<>();
        for (Parameter p : parameters) {
            Arbitrary<Map.Entry<String, String>> entry = values(p, world).map(value -> Map.entry(p.name(), value));
            entries.add(p.required() || isRequiredHere(op, p) ? entry : entry.injectNull(0.6));
        }
        String names = String.join("|", parameters.stream().map(Parameter::name).toList());
        return Combinators.combine(entries).as(list -> {
            List<Map.Entry<String, String>> query = list.stream().filter(Objects::nonNull).toList();
            return new Mutation("valid query " + query, Expect.ACCEPTED_OR_INVALID_FIELD, names,
                base -> base.withQuery(query));
        });
    }

    private static boolean isRequiredHere(Operation op, Parameter p) {
        return op.id().equals("getProgress") && p.name().equals("program_id");
    }

    private static Arbitrary<String> values(Parameter p, FuzzWorld world) {
        JsonNode s = ApiSpec.resolve(p.schema());
        if (s.has("enum")) {
            List<String> values = new ArrayList<>();
            s.get("enum").forEach(v -> values.add(v.asText()));
            return Arbitraries.of(values);
        }
        switch (p.name()) {
            case "program_id":
                return Arbitraries.just(world.program.id());
            case "participant_id", "actor_id", "subject_id":
                return Arbitraries.just(world.owner.userId());
            case "group_id":
                return Arbitraries.just(world.groupId);
            case "language":
                return Arbitraries.of("en", "es", "pt-BR", "zh-Hant");
            case "topic":
                return Arbitraries.of("anxiety", "peer_support");
            case "country":
                return Arbitraries.of("US", "CA", "DE");
            case "near":
                return Arbitraries.of("41.88,-87.63", "39.7817,-89.6501", "-33.86,151.21", "0,0");
            case "email":
                return Arbitraries.of(world.owner.email(), "nobody@test.kindred.dev");
            case "q":
                return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30),
                    Arbitraries.of(Values.INJECTION), Arbitraries.of("Harbor", "Circle", "Evening", "\u00e9t\u00e9"));
            default:
                break;
        }
        return switch (ApiSpec.type(s)) {
            case "integer" -> Arbitraries.integers().between(s.path("minimum").asInt(0), s.path("maximum").asInt(1000))
                .map(String::valueOf);
            case "number" -> Arbitraries.integers().between((int) Math.ceil(s.path("minimum").asDouble(0) * 1000),
                (int) (s.path("maximum").asDouble(1000) * 1000)).map(n -> BigDecimal.valueOf(n, 3).toPlainString());
            case "boolean" -> Arbitraries.of("true", "false");
            default -> switch (s.path("format").asText()) {
                case "date-time" -> Arbitraries.longs().between(Instant.parse("2020-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("2030-01-01T00:00:00Z").getEpochSecond()).map(t -> Instant.ofEpochSecond(t).toString());
                case "date" -> Arbitraries.integers().between(-400, 400).map(d -> LocalDate.now().plusDays(d).toString());
                default -> Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10);
            };
        };
    }
}
