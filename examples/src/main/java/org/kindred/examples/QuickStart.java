package org.kindred.examples;

import java.io.PrintStream;
import org.kindred.sdk.KindredClient;
import org.kindred.sdk.api.ProgramsApi;

/**
 * The README's quick start: sign in and list the programs you can see.
 * Run against a demo server: {@code scripts/serve --demo}, then
 * {@code java -cp ... org.kindred.examples.QuickStart http://localhost:8080 coordinator@demo.kindred.dev kindred-demo-password}.
 */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) {
        String baseUrl = args.length > 0 ? args[0] : "http://localhost:8080";
        String email = args.length > 1 ? args[1] : "coordinator@demo.kindred.dev";
        String password = args.length > 2 ? args[2] : "kindred-demo-password";
        run(baseUrl, email, password, System.out);
    }

    static void run(String baseUrl, String email, String password, PrintStream out) {
        // README:quickstart:start
        KindredClient kindred = KindredClient.builder().baseUrl(baseUrl).appInfo("quick-start/1.0").build();
        kindred.login(email, password);
        kindred.autoPage((api, cursor) -> api.programs().listPrograms(
                ProgramsApi.APIListProgramsRequest.newBuilder().cursor(cursor).build()))
            .forEach(program -> out.println(program.getName() + " (" + program.getStatus() + ", " + program.getCountry() + ")"));
        // README:quickstart:end
    }
}
