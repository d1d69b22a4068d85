package org.kindred.examples;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.kindred.sdk.KindredClient;
import org.kindred.sdk.KindredException;
import org.kindred.sdk.UnauthorizedException;
import org.kindred.sdk.ValidationException;
import org.kindred.sdk.api.CheckinsApi;
import org.kindred.sdk.api.ProgramsApi;
import org.kindred.sdk.api.UsersApi;
import org.kindred.sdk.model.Checkin;
import org.kindred.sdk.model.CheckinCreate;
import org.kindred.sdk.model.CrisisLine;
import org.kindred.sdk.model.FieldError;
import org.kindred.sdk.model.Me;
import org.kindred.sdk.model.Member;
import org.kindred.sdk.model.Phq4Score;
import org.kindred.sdk.model.Program;
import org.kindred.sdk.model.Progress;
import org.kindred.sdk.model.Role;
import org.kindred.sdk.model.Safety;
import org.kindred.sdk.model.SafetyLevel;
import org.kindred.sdk.model.Tag;
import org.kindred.sdk.model.WeekProgress;
import org.kindred.sdk.model.Who5Change;
import org.kindred.sdk.model.Who5Score;

/**
 * checkin-companion: a participant checks in (mood, tags, optionally the WHO-5 and PHQ-4 questionnaires, or
 * "I am in crisis"), sees the crisis lines at once when the server answers with a safety block, then the
 * scores and their progress week by week. The check-in is private to them.
 *
 * <pre>
 * CheckinCompanion [base-url] [--email participant@demo.kindred.dev] [--password kindred-demo-password]
 *     [--program "Harbor Peer Circle"] [--mood 1-5] [--energy 1-5] [--tags gratitude,small_victory] [--note text]
 *     [--who5 3,3,2,3,4] [--phq4 1,0,1,1] [--in-crisis]
 * </pre>
 */
public final class CheckinCompanion {
    static final String USAGE = "usage: CheckinCompanion [base-url] [--email e] [--password p] [--program name]"
        + " [--mood 1-5] [--energy 1-5] [--tags a,b] [--note text] [--who5 a,b,c,d,e] [--phq4 a,b,c,d] [--in-crisis]";
    private static final String RULE = "!".repeat(76);

    private CheckinCompanion() {
    }

    /** What the participant answers; {@code program} may be null when they take part in one program only. */
    record Answers(String program, int mood, Integer energy, List<Tag> tags, String note, List<Integer> who5,
                   List<Integer> phq4, boolean inCrisis) {
    }

    public static void main(String[] args) {
        Args line = Args.parse(args, USAGE,
            List.of("email", "password", "program", "mood", "energy", "tags", "note", "who5", "phq4"), List.of("in-crisis"));
        List<Tag> tags = tags(line.option("tags", ""));
        if (tags.contains(Tag.UNKNOWN_DEFAULT_OPEN_API)) {
            throw line.fail("--tags takes some of: " + Arrays.stream(Tag.values())
                .filter(t -> t != Tag.UNKNOWN_DEFAULT_OPEN_API).map(Tag::getValue).collect(Collectors.joining(",")));
        }
        Answers answers = new Answers(line.option("program", null), line.integer("mood", 3), line.integer("energy", null),
            tags, line.option("note", null), line.integers("who5"), line.integers("phq4"), line.flag("in-crisis"));
        System.exit(run(line.baseUrl(), line.option("email", "participant@demo.kindred.dev"),
            line.option("password", "kindred-demo-password"), answers, System.out));
    }

    /** Checks in, prints what came back, and returns the exit status. */
    static int run(String baseUrl, String email, String password, Answers answers, PrintStream out) {
        KindredClient kindred = KindredClient.builder().baseUrl(baseUrl).appInfo("checkin-companion/1.0").build();
        try {
            kindred.login(email, password);
        } catch (UnauthorizedException e) {
            out.println("Sign-in failed for " + email + ": check the email and password.");
            return 1;
        } catch (KindredException e) {
            return Failures.report(e, baseUrl, out);
        }
        try {
            Me me = kindred.call(api -> api.users().getMe(UsersApi.APIGetMeRequest.newBuilder().build()));
            Program program = program(kindred, me, answers.program(), out);
            if (program == null) {
                return 2;
            }
            Checkin checkin;
            try {
                checkin = kindred.call(api -> api.checkins().createCheckin(CheckinsApi.APICreateCheckinRequest.newBuilder()
                    .checkinCreate(new CheckinCreate().programId(program.getId()).mood(answers.mood())
                        .energy(answers.energy()).tags(new LinkedHashSet<>(answers.tags())).note(answers.note())
                        .who5(answers.who5()).phq4(answers.phq4()).inCrisis(answers.inCrisis()))
                    .build()));
            } catch (ValidationException e) {
                out.println("Kindred did not accept this check-in:");
                for (FieldError error : e.fieldErrors()) {
                    out.println("  " + error.getField() + ": " + error.getMessage());
                }
                if (e.fieldErrors().isEmpty()) {
                    out.println("  " + e.detail());
                }
                return 2;
            }
            out.println("Checked in to " + program.getName() + ": mood " + checkin.getMood() + "/5"
                + (checkin.getEnergy() == null ? "" : ", energy " + checkin.getEnergy() + "/5")
                + (checkin.getTags().isEmpty() ? "" : ", tagged " + checkin.getTags().stream().map(Tag::getValue)
                    .collect(Collectors.joining(", "))) + ". Only you can read it.");
            if (checkin.getSafety() != null) {
                printSafety(checkin.getSafety(), out);
            }
            printScores(checkin, out);
            Progress progress = kindred.call(api -> api.checkins().getProgress(
                CheckinsApi.APIGetProgressRequest.newBuilder().userId(me.getId()).programId(program.getId()).build()));
            printProgress(progress, program, out);
            return 0;
        } catch (KindredException e) {
            return Failures.report(e, baseUrl, out);
        }
    }

    /** The program to check in to: the one named, or the only one they take part in; null (explained) otherwise. */
    private static Program program(KindredClient kindred, Me me, String name, PrintStream out) {
        List<Program> mine = new ArrayList<>();
        for (Member membership : me.getMemberships()) {
            if (membership.getRole() == Role.PARTICIPANT) {
                mine.add(kindred.call(api -> api.programs().getProgram(
                    ProgramsApi.APIGetProgramRequest.newBuilder().programId(membership.getProgramId()).build())));
            }
        }
        List<Program> chosen = name == null ? mine
            : mine.stream().filter(p -> p.getName().equalsIgnoreCase(name)).toList();
        if (chosen.size() == 1) {
            return chosen.get(0);
        }
        String names = mine.stream().map(p -> "\"" + p.getName() + "\"").collect(Collectors.joining(", "));
        out.println(mine.isEmpty() ? me.getDisplayName() + " takes part in no program yet."
            : name == null ? "Which program? Add --program with one of: " + names + "."
            : me.getDisplayName() + " takes part in no program called \"" + name + "\"; theirs: " + names + ".");
        return null;
    }

    private static void printSafety(Safety safety, PrintStream out) {
        out.println();
        out.println(RULE);
        boolean crisis = safety.getLevel() == SafetyLevel.CRISIS;
        out.println("!! " + (crisis ? "PLEASE REACH OUT NOW" : "SUPPORT IS THERE FOR YOU"));
        for (String line : wrap(safety.getMessage(), 70)) {
            out.println("!! " + line);
        }
        out.println("!!");
        for (CrisisLine crisisLine : safety.getCrisisLines()) {
            out.println("!!   " + describe(crisisLine));
        }
        out.println(RULE);
    }

    private static String describe(CrisisLine line) {
        List<String> ways = new ArrayList<>();
        if (line.getPhone() != null) {
            ways.add("call " + line.getPhone());
        }
        if (line.getSms() != null) {
            ways.add("text " + line.getSms());
        }
        if (line.getChatUrl() != null) {
            ways.add("chat " + line.getChatUrl());
        }
        return line.getName() + ": " + String.join(", ", ways)
            + (line.getHours() == null ? "" : " (" + line.getHours() + ")");
    }

    private static void printScores(Checkin checkin, PrintStream out) {
        Who5Score who5 = checkin.getWho5Score();
        Phq4Score phq4 = checkin.getPhq4Score();
        if (who5 != null || phq4 != null) {
            out.println();
        }
        if (who5 != null) {
            out.println("WHO-5 wellbeing: " + who5.getPercentage() + "% (raw " + who5.getRaw() + " of 25"
                + (Boolean.TRUE.equals(who5.getPoorWellbeing()) ? ", below 13: poor wellbeing" : "") + ")");
        }
        if (phq4 != null) {
            out.println("PHQ-4: " + phq4.getTotal() + " of 12, " + phq4.getBand().getValue()
                + " (anxiety " + phq4.getAnxiety() + positive(phq4.getAnxietyPositive())
                + "; depression " + phq4.getDepression() + positive(phq4.getDepressionPositive()) + ")");
        }
    }

    private static String positive(Boolean screen) {
        return Boolean.TRUE.equals(screen) ? ", positive screen" : "";
    }

    private static void printProgress(Progress progress, Program program, PrintStream out) {
        out.println();
        out.println("Your weeks in " + program.getName() + " (" + progress.getFrom() + " to " + progress.getTo() + "):");
        for (WeekProgress week : progress.getWeeks()) {
            String mood = week.getAverageMood() == null ? ""
                : String.format(Locale.ROOT, ", average mood %.1f", week.getAverageMood());
            out.println("  " + week.getWeek() + "  " + plural(week.getCheckins(), "check-in") + mood);
        }
        out.println("Streak: " + plural(progress.getCurrentStreakWeeks(), "week") + " in a row with a check-in.");
        Who5Change who5 = progress.getWho5();
        if (who5 == null) {
            out.println("WHO-5: no answers yet; add --who5 to a check-in to follow your wellbeing.");
        } else {
            ZoneId zone = ZoneId.of(program.getTimezone());
            out.println("WHO-5: " + who5.getFirst() + "% on " + who5.getFirstAt().atZoneSameInstant(zone).toLocalDate()
                + ", latest " + who5.getLatest() + "% on " + who5.getLatestAt().atZoneSameInstant(zone).toLocalDate()
                + " (" + String.format(Locale.ROOT, "%+d", who5.getChange()) + " points"
                + (Boolean.TRUE.equals(who5.getMeaningful()) ? ", a meaningful change" : "") + ")");
        }
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The tags named in {@code csv}; a name the SDK does not know becomes {@code UNKNOWN_DEFAULT_OPEN_API}. */
    private static List<Tag> tags(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(name -> !name.isEmpty()).map(Tag::fromValue).toList();
    }
}
