package org.kindred.api.fuzz;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.kindred.api.fuzz.ApiSpec.Operation;
import org.kindred.api.fuzz.ApiSpec.Parameter;
import org.kindred.api.fuzz.Probe.Expect;
import org.kindred.api.http.Query;

/** Path ids that name nothing, or that the router cannot take apart. */
final class PathMutations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PathMutations() {
    }

    /** Ids that name nothing: a known prefix with an unknown body, another resource's id, odd lengths and characters. */
    static Arbitrary<Mutation> oddPathIds(Operation op, Map<String, String> realPath, List<String> otherIds) {
        List<Mutation> mutations = new ArrayList<>();
        for (Parameter p : op.in("path")) {
            String real = realPath.get(p.name());
            String prefix = real.contains("_") ? real.substring(0, real.indexOf('_') + 1) : "";
            List<String> notFound = new ArrayList<>(List.of(prefix + "01JD4Z8Q6K2V9X1M3N5P7R9T0W", real + "x", real + "0",
                real + "VVVVVV", real + "VVVVVVVVVV", real + "VVVVVVVVVVVV", real.substring(0, real.length() - 1),
                real.toLowerCase(Locale.ROOT), prefix, prefix + "x".repeat(1000), "x".repeat(1000),
                prefix + "0".repeat(26), " " + real, real + " ", real + "\u200b", "\u202e" + real, real + "%",
                real + "?", real + "#", "'; DROP TABLE programs; --", "null", "undefined", "0", "-1", "*", "%00",
                "\ud83d\ude00", prefix + "\ud83d\ude00", real + "\\", real + ";", real + ".json"));
            otherIds.stream().filter(id -> prefix.isEmpty() || !id.startsWith(prefix)).forEach(notFound::add);
            for (String value : notFound) {
                Expect expect = value.codePointCount(0, value.length()) > Query.MAX_ID_LENGTH ? Expect.INVALID_FIELD
                    : Expect.NOT_FOUND;
                mutations.add(new Mutation(p.name() + " = " + Mutation.describe(NODES.textNode(value)), expect,
                    p.name(), base -> base.withPath(p.name(), value, false)));
            }
            for (String value : List.of(real + "/x", "a/b", "%2F", "\\/")) {
                mutations.add(new Mutation(p.name() + " = " + Mutation.describe(NODES.textNode(value)), Expect.NOT_FOUND,
                    null, base -> base.withPath(p.name(), value, false)));
            }
            List<String> unroutable = new ArrayList<>(List.of("../" + real, "..", "."));
            if (!op.path().endsWith("{" + p.name() + "}")) {
                unroutable.add("");
            }
            for (String value : unroutable) {
                mutations.add(new Mutation(p.name() + " = " + Mutation.describe(NODES.textNode(value)), Expect.REFUSED,
                    null, base -> base.withPath(p.name(), value, true)));
            }
        }
        return Arbitraries.of(mutations);
    }
}
