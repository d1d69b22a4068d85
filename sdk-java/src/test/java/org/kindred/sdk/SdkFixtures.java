package org.kindred.sdk;

import java.util.Map;
import org.kindred.api.demo.DemoData;
import org.kindred.api.testing.TestServer;
import org.kindred.sdk.invoker.ApiResponse;

/** What several SDK test classes need: demo logins and the ETag of a response read with its headers. */
final class SdkFixtures {
    private SdkFixtures() {
    }

    /** Signs in one of the demo people, e.g. {@code "mentor"} for mentor@demo.kindred.dev. */
    static KindredClient demo(TestServer server, String who) {
        return TestClients.signedIn(server, who + "@demo.kindred.dev", DemoData.PASSWORD);
    }

    /** Signs in a fresh account made with {@link TestServer#account}. */
    static KindredClient fresh(TestServer server, String displayName) {
        return TestClients.signedIn(server, server.account(displayName, false).email(), TestServer.PASSWORD);
    }

    static String etag(ApiResponse<?> response) {
        return response.getHeaders().entrySet().stream()
            .filter(header -> header.getKey().equalsIgnoreCase("ETag"))
            .map(Map.Entry::getValue)
            .map(values -> values.get(0))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no ETag in " + response.getHeaders()));
    }
}
