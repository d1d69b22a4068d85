package org.kindred.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Properties;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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
import org.kindred.sdk.invoker.ApiResponse;
import org.kindred.sdk.invoker.ApiException;

/**
 * The entry point for integrators: the generated typed APIs, plus a login that keeps and refreshes its
 * tokens, safe retries ({@link RetryPolicy}), paging through any list ({@link #autoPage}), and every failure
 * as a {@link KindredException} of the matching kind. Thread-safe; make one per application.
 *
 * <pre>{@code
 * KindredClient kindred = KindredClient.builder().baseUrl("http://localhost:8080").build();
 * kindred.login("coordinator@demo.kindred.dev", "kindred-demo-password");
 * Program first = kindred.call(api -> api.programs().listPrograms(
 *     ProgramsApi.APIListProgramsRequest.newBuilder().limit(20).build())).getData().get(0);
 * }</pre>
 */
public final class KindredClient {
    /** What an SDK call does with the typed APIs; exceptions of the generated client are translated. */
    @FunctionalInterface
    public interface Call<T> {
        T run(KindredClient api) throws ApiException;
    }

    /** An SDK call that answers nothing, such as a delete. */
    @FunctionalInterface
    public interface Action {
        void run(KindredClient api) throws ApiException;
    }

    /** Reads one page of a list, given the cursor of that page (null for the first). */
    @FunctionalInterface
    public interface PageCall<T> {
        ListPage<T> page(KindredClient api, String cursor) throws ApiException;
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
        HttpClient http = new RetryingHttpClient(builder.httpClient != null ? builder.httpClient
            : HttpClient.newBuilder().connectTimeout(builder.connectTimeout).build(), builder.retryPolicy);
        String userAgent = "kindred-java/" + version() + (builder.appInfo == null ? "" : " " + builder.appInfo);
        this.tokens = new Tokens(new AuthApi(new KindredApiClient(http, builder, userAgent, null)), builder.clock);
        this.apiClient = new KindredApiClient(http, builder, userAgent, tokens);
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

    /** Like {@link #call}, for operations that answer nothing (deletes, revocations, erasure). */
    public void run(Action action) {
        call(api -> {
            action.run(api);
            return null;
        });
    }

    /**
     * The version of what a {@code …WithHttpInfo} read returned, to send back as {@code If-Match} with a change;
     * null when the response carried no ETag.
     */
    public static String etag(ApiResponse<?> response) {
        return response.getHeaders().entrySet().stream()
            .filter(header -> header.getKey().equalsIgnoreCase("ETag"))
            .map(header -> header.getValue().get(0))
            .findFirst()
            .orElse(null);
    }

    /**
     * Every item of a list, fetched page by page as the stream is consumed: {@code fetch} gets the cursor of the
     * page to read (null for the first) and calls any list operation with it.
     *
     * <pre>{@code
     * Stream<Group> groups = kindred.autoPage((api, cursor) -> api.groups().listGroups(
     *     GroupsApi.APIListGroupsRequest.newBuilder().limit(100).cursor(cursor).build()));
     * }</pre>
     */
    public <T> Stream<T> autoPage(PageCall<T> fetch) {
        Iterator<T> items = new Iterator<>() {
            private Iterator<T> page = Collections.emptyIterator();
            private String cursor;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !last) {
                    ListPage<T> next = call(api -> fetch.page(api, cursor));
                    page = next.getData().iterator();
                    cursor = next.getNextCursor();
                    last = cursor == null;
                }
                return page.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL),
            false);
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

    public static final class Builder {
        private String baseUrl = "http://localhost:8080";
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private HttpClient httpClient;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private String appInfo;

        private Builder() {
        }

        /** Where Kindred runs, e.g. {@code https://kindred.example.org}; default {@code http://localhost:8080}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            return this;
        }

        /** Applies to the client's own HttpClient; one given with {@link #httpClient} keeps its own setting. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout);
            return this;
        }

        /** How long one request may wait for its response; default 30 seconds. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout);
            return this;
        }

        /** An HttpClient of your own (a proxy, TLS settings, an executor); the client still adds its retries. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient);
            return this;
        }

        /** How to retry requests that are safe to repeat; {@link RetryPolicy#NONE} turns retries off. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy);
            return this;
        }

        /** Your application, e.g. {@code meeting-finder/1.2}, added after {@code kindred-java/<version>} in the User-Agent. */
        public Builder appInfo(String appInfo) {
            if (!appInfo.matches("[\\x21-\\x7e]+(?: [\\x21-\\x7e]+)*")) {
                throw new IllegalArgumentException("appInfo must be printable ASCII product tokens, like my-app/1.2");
            }
            this.appInfo = appInfo;
            return this;
        }

        String baseUrl() {
            return baseUrl;
        }

        Duration readTimeout() {
            return readTimeout;
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
