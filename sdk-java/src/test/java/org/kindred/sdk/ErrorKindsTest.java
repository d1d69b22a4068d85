package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kindred.sdk.FakeServer.Reply;

/** Each failure arrives as the exception of its kind, carrying the problem's status, code, detail and request id. */
class ErrorKindsTest {
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
        "400, invalid_json, ValidationException",
        "422, validation_failed, ValidationException",
        "401, unauthorized, UnauthorizedException",
        "403, forbidden, ForbiddenException",
        "404, not_found, NotFoundException",
        "409, conflict, ConflictException",
        "412, precondition_failed, ConflictException",
        "429, rate_limited, RateLimitedException",
        "500, internal_error, ServerException",
        "503, unavailable, ServerException",
        "415, unsupported_media_type, KindredException"})
    void aStatusArrivesAsItsKind(int status, String code, String kind) {
        try (FakeServer fake = new FakeServer(Reply.problem(status, code, Map.of()))) {
            KindredClient client = KindredClient.builder().baseUrl(fake.baseUrl()).retryPolicy(RetryPolicy.NONE).build();

            KindredException e = catchThrowableOfType(KindredException.class,
                () -> client.call(api -> api.system().getHealth()));

            assertThat(e.getClass().getSimpleName()).isEqualTo(kind);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.detail()).isEqualTo("scripted " + code);
            assertThat(e.requestId()).isEqualTo("req_fake");
        }
    }

    @ParameterizedTest
    @CsvSource({"502", "504"})
    void aGatewayPageThatIsNotProblemDetailsIsStillAServerException(int status) {
        try (FakeServer fake = new FakeServer(new Reply(status, Map.of("Content-Type", "text/html"), "<h1>Bad</h1>", false))) {
            KindredClient client = KindredClient.builder().baseUrl(fake.baseUrl()).retryPolicy(RetryPolicy.NONE).build();

            ServerException e = catchThrowableOfType(ServerException.class,
                () -> client.call(api -> api.system().getHealth()));

            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo("unexpected_response");
        }
    }
}
