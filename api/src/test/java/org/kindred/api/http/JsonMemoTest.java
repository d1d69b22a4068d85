package org.kindred.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JsonMemoTest {
    private static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");

    @ReusableJson
    record Sample(String displayName, List<String> tags, Double distanceKm, Instant createdAt) {
    }

    record Plain(String displayName, Sample sample) {
    }

    private static String expected(String name, String tags, String distance) {
        return "{\"display_name\":\"" + name + "\",\"tags\":" + tags + ",\"distance_km\":" + distance
            + ",\"created_at\":\"2026-11-28T09:00:00Z\"}";
    }

    @Test
    void aValueWrittenAgainIsWrittenExactlyAsTheFirstTime() {
        Sample sample = new Sample("Green \"Fern\"", List.of("gratitude"), 1.5, AT);
        String first = expected("Green \\\"Fern\\\"", "[\"gratitude\"]", "1.5");

        assertThat(Json.text(sample)).isEqualTo(first);
        assertThat(Json.text(sample)).isEqualTo(first);
        assertThat(Json.text(new Sample("Green \"Fern\"", List.of("gratitude"), 1.5, AT))).isEqualTo(first);
    }

    @Test
    void keptJsonSitsInListsAndObjectsWithTheirSeparators() {
        Sample sample = new Sample("a", List.of(), null, AT);
        Json.text(sample);
        String json = expected("a", "[]", "null");

        assertThat(Json.text(List.of(sample, sample, 3))).isEqualTo("[" + json + "," + json + ",3]");
        assertThat(Json.text(new Plain("b", sample))).isEqualTo("{\"display_name\":\"b\",\"sample\":" + json + "}");
        assertThat(new String(Json.bytes(new Page<>(List.of(sample), false, null)), StandardCharsets.UTF_8))
            .isEqualTo("{\"data\":[" + json + "],\"has_more\":false,\"next_cursor\":null}");
    }

    @Test
    void aValueThatDiffersInAnyComponentIsWrittenAfresh() {
        Json.text(new Sample("a", List.of("x"), 1.0, AT));

        assertThat(Json.text(new Sample("a", List.of("y"), 1.0, AT))).isEqualTo(expected("a", "[\"y\"]", "1.0"));
        assertThat(Json.text(new Sample("a", List.of("x"), 2.0, AT))).isEqualTo(expected("a", "[\"x\"]", "2.0"));
        assertThat(Json.text(new Sample("a", List.of("x"), 1.0, AT.plusSeconds(1))))
            .isEqualTo(expected("a", "[\"x\"]", "1.0").replace("09:00:00Z", "09:00:01Z"));
    }

    @Test
    void aTreeOfAKeptValueHoldsItsFields() {
        Sample sample = new Sample("a", List.of("x"), null, AT);
        Json.text(sample);

        JsonNode tree = Json.tree(new Plain("b", sample));

        assertThat(tree.path("sample").isObject()).isTrue();
        assertThat(tree.path("sample").path("display_name").asText()).isEqualTo("a");
        assertThat(tree.path("sample").path("tags").get(0).asText()).isEqualTo("x");
    }

    @Test
    void moreValuesThanAreKeptAreEachWrittenRight() {
        IntStream.range(0, JsonMemo.KEPT * 2 + 10).forEach(i ->
            assertThat(Json.text(new Sample("n" + i, List.of(), null, AT))).isEqualTo(expected("n" + i, "[]", "null")));
    }
}
