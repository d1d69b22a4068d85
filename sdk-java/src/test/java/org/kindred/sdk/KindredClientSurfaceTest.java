package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** KindredClient adds to the generated client and never hides it: every generated API has an accessor. */
class KindredClientSurfaceTest {
    @Test
    void everyGeneratedApiIsReachableFromKindredClient() throws IOException, URISyntaxException {
        Path apis = Path.of(KindredClient.class.getResource("api").toURI());
        List<String> generated;
        try (Stream<Path> files = Files.list(apis)) {
            generated = files.map(path -> path.getFileName().toString())
                .filter(name -> name.endsWith("Api.class"))
                .map(name -> "org.kindred.sdk.api." + name.replace(".class", ""))
                .sorted()
                .toList();
        }
        List<String> exposed = Arrays.stream(KindredClient.class.getMethods())
            .filter(method -> method.getParameterCount() == 0)
            .map(method -> method.getReturnType().getName())
            .filter(name -> name.startsWith("org.kindred.sdk.api."))
            .sorted()
            .toList();
        assertThat(generated).isNotEmpty();
        assertThat(exposed).containsExactlyElementsOf(generated);
    }
}
