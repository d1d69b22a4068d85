package org.kindred.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.kindred.sdk.api.AlertsApi;
import org.kindred.sdk.api.AuditApi;
import org.kindred.sdk.api.AuthApi;
import org.kindred.sdk.api.CheckinsApi;
import org.kindred.sdk.api.FeedsApi;
import org.kindred.sdk.api.GroupsApi;
import org.kindred.sdk.api.InvitationsApi;
import org.kindred.sdk.api.MembersApi;
import org.kindred.sdk.api.MentorsApi;
import org.kindred.sdk.api.MentorshipsApi;
import org.kindred.sdk.api.ProgramsApi;
import org.kindred.sdk.api.SessionsApi;
import org.kindred.sdk.api.SystemApi;
import org.kindred.sdk.api.UsersApi;
import org.kindred.sdk.api.VenuesApi;
import org.kindred.sdk.invoker.ApiClient;
import org.kindred.sdk.invoker.ApiException;

/**
 * The entry point for integrators: the generated typed APIs, plus a login that keeps and refreshes its
 * tokens and turns every failure into a {@link KindredException}. Thread-safe; make one per application.
 *
 * <pre>{@code
 * KindredClient kindred = KindredClient.builder().baseUrl("http://localhost:8080").build();
 * kindred.login("coordinator@demo.kindred.dev", "kindred-demo-password");
 * ProgramList page = kindred.call(api -> api.programs().listPrograms(20, null, null, null, null, null, null));
 * }</pre>
 */
public final class KindredClient {
    /** What an SDK call does with the typed APIs; exceptions of the generated client are translated. */
    @FunctionalInterface
    public interface Call<T> {
        T run(KindredClient api) throws ApiException;
    }

    private final ApiClient apiClient;
    private final Tokens tokens;
    private final AuthApi auth;
    private final SystemApi system;
    private final UsersApi users;
    private final ProgramsApi programs;
    private final MembersApi members;
    private final InvitationsApi invitations;
    private final VenuesApi venues;
    private final GroupsApi groups;
    private final SessionsApi sessions;
    private final FeedsApi feeds;
    private final MentorsApi mentors;
    private final MentorshipsApi mentorships;
    private final CheckinsApi checkins;
    private final AlertsApi alerts;
    private final AuditApi audit;

    private KindredClient(Builder builder) {
        this.tokens = new Tokens(new AuthApi(newApiClient(builder, null)), builder.clock);
        this.apiClient = newApiClient(builder, tokens);
        this.auth = new AuthApi(apiClient);
        this.system = new SystemApi(apiClient);
        this.users = new UsersApi(apiClient);
        this.programs = new ProgramsApi(apiClient);
        this.members = new MembersApi(apiClient);
        this.invitations = new InvitationsApi(apiClient);
        this.venues = new VenuesApi(apiClient);
        this.groups = new GroupsApi(apiClient);
        this.sessions = new SessionsApi(apiClient);
        this.feeds = new FeedsApi(apiClient);
        this.mentors = new MentorsApi(apiClient);
        this.mentorships = new MentorshipsApi(apiClient);
        this.checkins = new CheckinsApi(apiClient);
        this.alerts = new AlertsApi(apiClient);
        this.audit = new AuditApi(apiClient);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Signs in; later calls carry the access token, which is refreshed before it expires. */
    public void login(String email, String password) {
        call(api -> {
            tokens.login(email, password);
            return null;
        });
    }

    /** Revokes this login on the server and forgets its tokens. */
    public void logout() {
        call(api -> {
            tokens.logout();
            return null;
        });
    }

    /**
     * Runs {@code call}, translating failures into {@link KindredException}. When the server says the access
     * token is no longer valid, the client refreshes it once and repeats the call.
     */
    public <T> T call(Call<T> call) {
        String tokenUsed = tokens.currentAccessToken().orElse(null);
        try {
            return call.run(this);
        } catch (ApiException e) {
            if (e.getCode() == 401 && tokenUsed != null && refreshedAfterRejection(tokenUsed)) {
                try {
                    return call.run(this);
                } catch (ApiException again) {
                    throw KindredException.from(again);
                }
            }
            throw KindredException.from(e);
        }
    }

    private boolean refreshedAfterRejection(String tokenUsed) {
        try {
            return tokens.refreshAfterRejection(tokenUsed);
        } catch (ApiException e) {
            throw KindredException.from(e);
        }
    }

    public AuthApi auth() {
        return auth;
    }

    public SystemApi system() {
        return system;
    }

    public UsersApi users() {
        return users;
    }

    public ProgramsApi programs() {
        return programs;
    }

    public MembersApi members() {
        return members;
    }

    public InvitationsApi invitations() {
        return invitations;
    }

    public VenuesApi venues() {
        return venues;
    }

    public GroupsApi groups() {
        return groups;
    }

    public SessionsApi sessions() {
        return sessions;
    }

    public FeedsApi feeds() {
        return feeds;
    }

    public MentorsApi mentors() {
        return mentors;
    }

    public MentorshipsApi mentorships() {
        return mentorships;
    }

    public CheckinsApi checkins() {
        return checkins;
    }

    public AlertsApi alerts() {
        return alerts;
    }

    public AuditApi audit() {
        return audit;
    }

    /** The generated client underneath, for anything the typed APIs above do not cover. */
    public ApiClient apiClient() {
        return apiClient;
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = KindredClient.class.getResourceAsStream("kindred-sdk.properties")) {
            properties.load(Objects.requireNonNull(in, "kindred-sdk.properties is missing"));
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generated-client instance that names this SDK and, when given tokens, sends the access token. */
    private static ApiClient newApiClient(Builder builder, Tokens tokens) {
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(builder.connectTimeout);
        ApiClient client = new ApiClient(http, new TextTolerantMapper(), builder.baseUrl);
        client.setReadTimeout(builder.readTimeout);
        String userAgent = "kindred-java/" + version();
        client.setRequestInterceptor(request -> {
            request.setHeader("User-Agent", userAgent);
            if (tokens != null) {
                tokens.currentAccessToken().ifPresent(token -> request.setHeader("Authorization", "Bearer " + token));
            }
        });
        return client;
    }

    public static final class Builder {
        private String baseUrl = "http://localhost:8080";
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Where Kindred runs, e.g. {@code https://kindred.example.org}; default {@code http://localhost:8080}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout);
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout);
            return this;
        }

        /** The clock that decides when an access token is about to expire; tests may pass their own. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public KindredClient build() {
            return new KindredClient(this);
        }
    }
}
