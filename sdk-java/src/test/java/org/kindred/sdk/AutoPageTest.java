package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.programs.ProgramInput;
import org.kindred.api.security.Principal;
import org.kindred.api.testing.TestServer;
import org.kindred.api.users.Account;
import org.kindred.sdk.api.ProgramsApi;
import org.kindred.sdk.model.Program;

class AutoPageTest {
    private static final int PROGRAMS = 250;

    private static TestServer server;
    private static Account admin;
    private static List<String> created;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.account("Page Keeper", true);
        Principal principal = new Principal(admin.id(), admin.displayName(), true);
        created = IntStream.range(0, PROGRAMS).mapToObj(i -> server.services().programs().create(principal,
            new ProgramInput(null, "Program " + i, null, "Paging Org", null, null, null, null, "US", "America/Chicago",
                null, null, null)).id()).toList();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pagingThrough250ProgramsAHundredAtATimeYieldsEachOnceInOrder() {
        PageCounter counter = new PageCounter();
        KindredClient client = signedIn(counter);

        List<String> ids = client.autoPage((api, cursor) -> api.programs().listPrograms(
                ProgramsApi.APIListProgramsRequest.newBuilder().limit(100).cursor(cursor).build()))
            .map(Program::getId).toList();

        assertThat(ids).hasSize(PROGRAMS).doesNotHaveDuplicates().containsExactlyElementsOf(created);
        assertThat(counter.pages.get()).isEqualTo(3);
    }

    @Test
    void pagesAreFetchedOnlyAsTheStreamIsConsumed() {
        PageCounter counter = new PageCounter();
        KindredClient client = signedIn(counter);

        List<String> firstFive = client.autoPage((api, cursor) -> api.programs().listPrograms(
                ProgramsApi.APIListProgramsRequest.newBuilder().limit(100).cursor(cursor).build()))
            .limit(5).map(Program::getId).toList();

        assertThat(firstFive).containsExactlyElementsOf(created.subList(0, 5));
        assertThat(counter.pages.get()).isEqualTo(1);
    }

    @Test
    void anEmptyListIsAnEmptyStream() {
        KindredClient client = signedIn(new PageCounter());

        List<Program> none = new ArrayList<>();
        client.autoPage((api, cursor) -> api.programs().listPrograms(
                ProgramsApi.APIListProgramsRequest.newBuilder().q("no program is called this").cursor(cursor).build()))
            .forEach(none::add);

        assertThat(none).isEmpty();
    }

    private static KindredClient signedIn(PageCounter counter) {
        KindredClient client = TestClients.builder(server).httpClient(counter).build();
        client.login(admin.email(), TestServer.PASSWORD);
        return client;
    }

    /** Counts the list requests that reach the server. */
    private static final class PageCounter extends ForwardingHttpClient {
        private final AtomicInteger pages = new AtomicInteger();

        PageCounter() {
            super(new ContractCheckingHttpClient());
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
            if (request.uri().getPath().equals("/v1/programs")) {
                pages.incrementAndGet();
            }
            return delegate.send(request, handler);
        }
    }
}
