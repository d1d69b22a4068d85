package org.kindred.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The strict reading rules every request body goes through, on a small record of each JSON type. */
class JsonBodyTest {

    public record Sample(String displayName, Integer count, Integer rank, Boolean active, Double score, List<String> tags,
                         Nested nested, Colour colour) {
    }

    public record Nested(String label, Boolean flag) {
    }

    public record Ranked(int rank) {
    }

    public enum Colour { teal, amber }

    @Test
    void wellTypedBodyIsRead() {
        Sample sample = read("""
            {"display_name":"Quiet River","count":3,"rank":1,"active":true,"score":2.5,"tags":["a","b"],
             "nested":{"label":"x","flag":false},"colour":"teal"}""");

        assertThat(sample).isEqualTo(new Sample("Quiet River", 3, 1, true, 2.5, List.of("a", "b"),
            new Nested("x", false), Colour.teal));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"count\":\"5\"}              | count",
        "{\"count\":1.5}                | count",
        "{\"count\":true}               | count",
        "{\"count\":\"\"}               | count",
        "{\"display_name\":5}           | display_name",
        "{\"display_name\":true}        | display_name",
        "{\"display_name\":{}}          | display_name",
        "{\"display_name\":[\"a\"]}     | display_name",
        "{\"active\":\"true\"}          | active",
        "{\"active\":1}                 | active",
        "{\"active\":\"\"}              | active",
        "{\"score\":\"2.5\"}            | score",
        "{\"score\":false}              | score",
        "{\"tags\":\"a\"}               | tags",
        "{\"tags\":[1]}                 | tags[0]",
        "{\"nested\":\"x\"}             | nested",
        "{\"nested\":{\"flag\":\"no\"}} | nested.flag",
        "{\"nested\":{\"label\":7}}     | nested.label",
    })
    void wrongTypesAreRefusedNamingTheField(String json, String field) {
        assertRefused(json, field, "wrong_type");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"colour\":\"mauve\"} | colour",
        "{\"colour\":0}         | colour",
    })
    void valuesOutsideAnEnumAreRefused(String json, String field) {
        ApiException e = refusal(json);

        assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo(field));
        assertThat(e.errors().get(0).code()).isIn("invalid_value", "wrong_type");
    }

    @Test
    void unknownPropertiesAreRefusedWithTheirPath() {
        assertRefused("{\"colour\":\"teal\",\"shade\":\"dark\"}", "shade", "unknown_property");
        assertRefused("{\"nested\":{\"label\":\"x\",\"extra\":1}}", "nested.extra", "unknown_property");
        assertRefused("{\"displayName\":\"camel\"}", "displayName", "unknown_property");
    }

    @Test
    void nullForAPrimitiveIsAWrongType() {
        assertThatThrownBy(() -> JsonBody.convert(tree("{\"rank\":null}"), Ranked.class))
            .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).singleElement()
                .satisfies(error -> assertThat(error.field()).isEqualTo("rank")));
    }

    @Test
    void numberTooLargeForItsTypeIsOutOfRange() {
        assertRefused("{\"count\":99999999999999}", "count", "out_of_range");
    }

    @Test
    void unknownPropertyMessageListsTheKnownOnes() {
        ApiException e = refusal("{\"shade\":\"dark\"}");

        assertThat(e.errors().get(0).message()).contains("display_name", "nested").doesNotContain("displayName");
    }

    private static Sample read(String json) {
        return JsonBody.convert(tree(json), Sample.class);
    }

    private static void assertRefused(String json, String field, String code) {
        ApiException e = refusal(json);
        assertThat(e.code()).isEqualTo(ErrorCode.validation_failed);
        assertThat(e.errors()).as(json).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.code()).isEqualTo(code);
        });
    }

    private static ApiException refusal(String json) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> read(json));
        assertThat(thrown).as(json).isInstanceOf(ApiException.class);
        return (ApiException) thrown;
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
