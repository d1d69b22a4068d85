package org.kindred.sdk;

import org.kindred.api.testing.TestServer;

/** KindredClients for the SDK tests, talking to a test server through the contract check. */
final class TestClients {
    private TestClients() {
    }

    static KindredClient.Builder builder(TestServer server) {
        return KindredClient.builder().baseUrl(server.baseUrl()).httpClient(new ContractCheckingHttpClient());
    }

    static KindredClient anonymous(TestServer server) {
        return builder(server).build();
    }

    static KindredClient signedIn(TestServer server, String email, String password) {
        KindredClient client = anonymous(server);
        client.login(email, password);
        return client;
    }
}
