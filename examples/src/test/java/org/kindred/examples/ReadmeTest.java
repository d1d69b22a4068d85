package org.kindred.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kindred.api.config.Config;

/**
 * The README cannot drift from the code: every Java snippet in it is a region of a compiled example (a
 * ```java block right after {@code <!-- snippet: File.java#name -->}), and its configuration table lists
 * every setting the server reads.
 */
class ReadmeTest {
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void readmeSnippetsAreCompiledExampleCode() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher matcher = SNIPPET.matcher(readme);
        int found = 0;
        while (matcher.find()) {
            found++;
            String region = region(ROOT.resolve("examples/src/main/java/org/kindred/examples").resolve(matcher.group(1)),
                matcher.group(2));
            assertThat(dedent(matcher.group(3))).as("README snippet %s#%s", matcher.group(1), matcher.group(2))
                .isEqualTo(dedent(region));
        }
        assertThat(found).as("snippets in README.md").isPositive();
    }

    @Test
    void readmeDocumentsEverySetting() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (Config.Setting setting : Config.settings()) {
            assertThat(readme).as("README configuration table").contains("| `" + setting.variable() + "`");
        }
    }

    private static String region(Path source, String name) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int start = lines.indexOf(lines.stream().filter(l -> l.trim().equals("// README:" + name + ":start")).findFirst()
            .orElseThrow(() -> new AssertionError("no region " + name + " in " + source)));
        int end = lines.indexOf(lines.stream().filter(l -> l.trim().equals("// README:" + name + ":end")).findFirst()
            .orElseThrow());
        return String.join("\n", lines.subList(start + 1, end)) + "\n";
    }

    private static String dedent(String code) {
        List<String> lines = code.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.length() >= indent ? l.substring(indent) : l.strip()).toList()).strip();
    }
}
