package org.kindred.api.venues;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns what a person typed into an FTS5 query: every word must match, the last one as a prefix. */
final class FullText {
    private FullText() {
    }

    /** Empty when the text holds no word at all (only spaces and punctuation), which matches nothing. */
    static Optional<String> query(String text) {
        String[] words = Arrays.stream(text.split("[\\s\\p{Punct}]+")).filter(w -> !w.isBlank()).toArray(String[]::new);
        if (words.length == 0) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(words)
            .map(word -> "\"" + word + "\"")
            .collect(Collectors.joining(" ")) + "*");
    }
}
