package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.SpecValidator;

/** The client keys exactly the operations whose contract takes an Idempotency-Key, so its retries are safe. */
class IdempotentCreatesTest {
    @Test
    void theListMatchesTheOperationsThatTakeAnIdempotencyKey() {
        List<String> keyed = new ArrayList<>();
        JsonNode paths = SpecValidator.specTree().path("paths");
        paths.fieldNames().forEachRemaining(path -> paths.path(path).fields().forEachRemaining(operation -> {
            for (JsonNode parameter : operation.getValue().path("parameters")) {
                if (parameter.path("$ref").asText().endsWith("/IdempotencyKey")) {
                    assertThat(operation.getKey()).as(path).isEqualTo("post");
                    keyed.add(path);
                }
            }
        }));

        assertThat(IdempotentCreates.PATHS).containsExactlyInAnyOrderElementsOf(keyed);
    }

    @Test
    void onlyPostsToThosePathsAreCovered() {
        assertThat(IdempotentCreates.covers("POST", URI.create("http://h/v1/programs/prg_1/members"))).isTrue();
        assertThat(IdempotentCreates.covers("POST", URI.create("http://h/base/v1/checkins"))).isTrue();
        assertThat(IdempotentCreates.covers("PATCH", URI.create("http://h/v1/programs/prg_1"))).isFalse();
        assertThat(IdempotentCreates.covers("POST", URI.create("http://h/v1/alerts/alr_1/acknowledge"))).isFalse();
        assertThat(IdempotentCreates.covers("POST", URI.create("http://h/v1/auth/refresh"))).isFalse();
        assertThat(IdempotentCreates.covers("POST", URI.create("http://h/v1/programs/prg_1/members/mem_1"))).isFalse();
    }
}
