package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other SDK test class (see junit-platform.properties) and fails when an operation of the
 * contract was not exercised through the SDK by any of them.
 */
@Order(Integer.MAX_VALUE)
class SdkCoverageTest {
    @Test
    void everyOperationInTheContractIsExercisedThroughTheSdk() {
        Set<String> missing = new TreeSet<>(SpecOperations.all());
        missing.removeAll(ContractCheckingHttpClient.exercised());
        assertThat(missing).as("operations no SDK test called").isEmpty();
    }
}
