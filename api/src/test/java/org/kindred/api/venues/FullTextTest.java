package org.kindred.api.venues;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FullTextTest {

    @Test
    void oneWordIsAPrefixSearch() {
        assertThat(FullText.query("cafe")).contains("\"cafe\"*");
    }

    @Test
    void everyWordMustMatchAndOnlyTheLastIsAPrefix() {
        assertThat(FullText.query("  quiet   garden room ")).contains("\"quiet\" \"garden\" \"room\"*");
    }

    @Test
    void punctuationSeparatesWords() {
        assertThat(FullText.query("café-bar, Zürich")).contains("\"café\" \"bar\" \"Zürich\"*");
    }

    @Test
    void queryOperatorsAndQuotesAreSearchedAsPlainWords() {
        assertThat(FullText.query("say \"hi\" OR NEAR(a b) NOT c*")).contains(
            "\"say\" \"hi\" \"OR\" \"NEAR\" \"a\" \"b\" \"NOT\" \"c\"*");
        assertThat(FullText.query("x\" OR \"y")).contains("\"x\" \"OR\" \"y\"*");
    }

    @Test
    void textWithoutAnyWordMatchesNothing() {
        assertThat(FullText.query("!!! ... ---")).isEmpty();
        assertThat(FullText.query("\"\"")).isEmpty();
    }
}
