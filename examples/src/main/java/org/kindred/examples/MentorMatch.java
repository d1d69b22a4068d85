package org.kindred.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kindred.sdk.ConflictException;
import org.kindred.sdk.ForbiddenException;
import org.kindred.sdk.KindredClient;
import org.kindred.sdk.KindredException;
import org.kindred.sdk.UnauthorizedException;
import org.kindred.sdk.api.MembersApi;
import org.kindred.sdk.api.MentorsApi;
import org.kindred.sdk.api.MentorshipsApi;
import org.kindred.sdk.api.ProgramsApi;
import org.kindred.sdk.model.FocusArea;
import org.kindred.sdk.model.MatchReasons;
import org.kindred.sdk.model.Member;
import org.kindred.sdk.model.Mentor;
import org.kindred.sdk.model.Mentorship;
import org.kindred.sdk.model.MentorshipRequest;
import org.kindred.sdk.model.MentorshipStatus;
import org.kindred.sdk.model.Program;

/**
 * mentor-match: a coordinator sees the mentors ranked for a participant, with the reasons for each rank, and
 * asks the best one (or a mentor they name) to take the participant on. The mentor then accepts or declines.
 *
 * <pre>
 * MentorMatch [base-url] [--email coordinator@demo.kindred.dev] [--password kindred-demo-password]
 *     [--program "Harbor Peer Circle"] [--participant participant@demo.kindred.dev] [--mentor "Steady Oak"]
 *     [--message text]
 * </pre>
 *
 * <p>The SDK's model of one ranked mentor is also called {@code MentorMatch}, hence its full name below.
 */
public final class MentorMatch {
    static final String USAGE = "usage: MentorMatch [base-url] [--email e] [--password p] [--program name]"
        + " [--participant email] [--mentor name] [--message text]";

    private MentorMatch() {
    }

    /** Whom to match: the participant by email; {@code mentor} (a display name) is null to ask the best match. */
    record Request(String program, String participantEmail, String mentor, String message) {
    }

    public static void main(String[] args) {
        Args line = Args.parse(args, USAGE,
            List.of("email", "password", "program", "participant", "mentor", "message"), List.of());
        Request request = new Request(line.option("program", "Harbor Peer Circle"),
            line.option("participant", "participant@demo.kindred.dev"), line.option("mentor", null),
            line.option("message", null));
        System.exit(run(line.baseUrl(), line.option("email", "coordinator@demo.kindred.dev"),
            line.option("password", "kindred-demo-password"), request, System.out));
    }

    /** Prints the ranking and what became of the request; returns 0 when the mentorship was requested. */
    static int run(String baseUrl, String email, String password, Request request, PrintStream out) {
        KindredClient kindred = KindredClient.builder().baseUrl(baseUrl).appInfo("mentor-match/1.0").build();
        try {
            kindred.login(email, password);
        } catch (UnauthorizedException e) {
            out.println("Sign-in failed for " + email + ": check the email and password.");
            return 1;
        } catch (KindredException e) {
            return Failures.report(e, baseUrl, out);
        }
        try {
            Program program = program(kindred, request.program()).orElse(null);
            if (program == null) {
                out.println("No program called \"" + request.program() + "\" that " + email + " can see.");
                return 2;
            }
            Member participant = participant(kindred, program.getId(), request.participantEmail()).orElse(null);
            if (participant == null) {
                out.println(request.participantEmail() + " is not a participant of " + program.getName()
                    + " (only its coordinators see participants' emails).");
                return 2;
            }

            List<org.kindred.sdk.model.MentorMatch> matches = kindred.autoPage((api, cursor) ->
                api.mentors().listMentorMatches(MentorsApi.APIListMentorMatchesRequest.newBuilder()
                    .programId(program.getId()).participantId(participant.getUserId()).limit(100).cursor(cursor).build()))
                .toList();
            printMatches(matches, participant.getDisplayName(), program, out);

            Optional<Mentor> named = request.mentor() == null ? Optional.empty()
                : mentorCalled(kindred, program.getId(), request.mentor());
            if (request.mentor() != null && named.isEmpty()) {
                out.println("No mentor called \"" + request.mentor() + "\" in " + program.getName() + ".");
                return 2;
            }
            if (request.mentor() == null && matches.isEmpty()) {
                out.println("No mentor in " + program.getName() + " has a free place right now.");
                return 1;
            }
            String mentorId = named.map(Mentor::getId).orElseGet(() -> matches.get(0).getMentorId());
            String mentorName = named.map(Mentor::getDisplayName).orElseGet(() -> matches.get(0).getDisplayName());
            if (matches.stream().noneMatch(m -> m.getMentorId().equals(mentorId))) {
                out.println(mentorName + " is not in the ranking, which lists active mentors with a free place;"
                    + " asking anyway.");
            }
            return ask(kindred, program, participant, mentorId, mentorName, request.message(), matches, out);
        } catch (ForbiddenException e) {
            out.println(email + " may not match mentors in " + request.program() + ": that takes one of its coordinators.");
            return 1;
        } catch (KindredException e) {
            return Failures.report(e, baseUrl, out);
        }
    }

    /** Requests the mentorship and says what happened; a refusal for the current state is explained, not thrown. */
    private static int ask(KindredClient kindred, Program program, Member participant, String mentorId, String mentorName,
                           String message, List<org.kindred.sdk.model.MentorMatch> matches, PrintStream out) {
        out.println("Asking " + mentorName + " to mentor " + participant.getDisplayName() + "...");
        try {
            Mentorship created = kindred.call(api -> api.mentorships().requestMentorship(
                MentorshipsApi.APIRequestMentorshipRequest.newBuilder().mentorshipRequest(new MentorshipRequest()
                    .programId(program.getId()).mentorId(mentorId).participantId(participant.getUserId())
                    .message(message)).build()));
            out.println("Requested: mentorship " + created.getId() + " is " + created.getStatus().getValue() + "; "
                + mentorName + " will accept or decline it.");
            return 0;
        } catch (ConflictException e) {
            out.println("Not requested: " + conflict(e, kindred, program.getId(), participant, mentorName, matches));
            return 1;
        }
    }

    private static Optional<Program> program(KindredClient kindred, String name) {
        return kindred.autoPage((api, cursor) -> api.programs().listPrograms(
                ProgramsApi.APIListProgramsRequest.newBuilder().q(name).limit(100).cursor(cursor).build()))
            .filter(p -> p.getName().equalsIgnoreCase(name)).findFirst();
    }

    private static Optional<Member> participant(KindredClient kindred, String programId, String email) {
        return kindred.autoPage((api, cursor) -> api.members().listParticipants(
                MembersApi.APIListParticipantsRequest.newBuilder().programId(programId).limit(100).cursor(cursor).build()))
            .filter(m -> email.equalsIgnoreCase(m.getEmail())).findFirst();
    }

    private static Optional<Mentor> mentorCalled(KindredClient kindred, String programId, String name) {
        return kindred.autoPage((api, cursor) -> api.mentors().listMentors(
                MentorsApi.APIListMentorsRequest.newBuilder().programId(programId).limit(100).cursor(cursor).build()))
            .filter(m -> m.getDisplayName().equalsIgnoreCase(name)).findFirst();
    }

    private static void printMatches(List<org.kindred.sdk.model.MentorMatch> matches, String who, Program program,
                                     PrintStream out) {
        if (matches.isEmpty()) {
            out.println("No mentor matches for " + who + " in " + program.getName() + ".");
            return;
        }
        out.println("Mentor matches for " + who + " in " + program.getName() + ", best first:");
        int rank = 0;
        for (org.kindred.sdk.model.MentorMatch match : matches) {
            MatchReasons why = match.getReasons();
            out.println("  " + ++rank + ". " + match.getDisplayName() + " (score " + match.getScore() + ")");
            out.println("     shared lived experience: "
                + listed(why.getSharedLivedExperience().stream().map(FocusArea::getValue).toList()));
            out.println("     shared languages:        " + listed(why.getSharedLanguages()));
            out.println("     can meet:                " + (why.getModeCompatible() == null
                ? "not in the way " + who + " prefers" : why.getModeCompatible().getValue().replace('_', ' ')));
            out.println("     contact hours in common: " + why.getTimezoneOverlapHours() + " a day");
            out.println("     free places:             " + why.getFreeCapacity());
        }
        out.println();
    }

    /** Says why the server refused, in the coordinator's terms; the problem code decides, never the detail text. */
    private static String conflict(ConflictException e, KindredClient kindred, String programId, Member participant,
                                   String mentorName, List<org.kindred.sdk.model.MentorMatch> matches) {
        String who = participant.getDisplayName();
        return switch (e.code()) {
            case "mentorship_exists" -> kindred.autoPage((api, cursor) -> api.mentorships().listMentorships(
                    MentorshipsApi.APIListMentorshipsRequest.newBuilder().programId(programId)
                        .limit(100).cursor(cursor).build()))
                .filter(m -> m.getParticipantId().equals(participant.getUserId()))
                .filter(m -> m.getStatus() == MentorshipStatus.ACTIVE || m.getStatus() == MentorshipStatus.REQUESTED)
                .findFirst()
                .map(open -> open.getStatus() == MentorshipStatus.ACTIVE
                    ? who + " already has an active mentorship with " + open.getMentorDisplayName()
                        + ". A participant has one mentor at a time: end that mentorship first to change mentors."
                    : who + " already has a request open with " + open.getMentorDisplayName()
                        + ", who has yet to answer it.")
                .orElse(who + " already has an open mentorship in this program.");
            case "mentor_full" -> mentorName + " has no free place: every place is taken." + matches.stream()
                .filter(m -> !m.getDisplayName().equals(mentorName)).findFirst()
                .map(next -> " The best match with room is " + next.getDisplayName() + ".").orElse("");
            case "mentor_unavailable" -> mentorName + " is not taking new mentees right now.";
            default -> e.detail() + " [" + e.code() + "]";
        };
    }

    private static String listed(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }
}
