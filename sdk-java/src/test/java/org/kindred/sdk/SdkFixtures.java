package org.kindred.sdk;

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

    /** {@link KindredClient#etag}, failing the test when the response has none. */
    static String etag(ApiResponse<?> response) {
        String etag = KindredClient.etag(response);
        if (etag == null) {
            throw new AssertionError("no ETag in " + response.getHeaders());
        }
        return etag;
    }
}
