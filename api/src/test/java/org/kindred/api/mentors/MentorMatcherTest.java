package org.kindred.api.mentors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.programs.FocusArea.anxiety;
import static org.kindred.api.programs.FocusArea.depression;
import static org.kindred.api.programs.FocusArea.grief;
import static org.kindred.api.programs.FocusArea.trauma;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kindred.api.members.MatchMode;
import org.kindred.api.members.MatchPreferences;
import org.kindred.api.programs.FocusArea;

class MentorMatcherTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private static final MatchPreferences ANYONE_IN_UTC = new MatchPreferences(List.of(), List.of(), MatchMode.either, "UTC");

    private static Mentor mentor(String id, List<FocusArea> areas, List<String> languages, List<MentorMode> modes,
                                 String timezone, ContactWindow window, int capacity, int activeMentees) {
        return new Mentor(id, "prg_1", "usr_" + id, "Mentor " + id, null, areas, languages, modes, timezone, capacity,
            List.of(), window, null, MentorStatus.active, activeMentees,
            Mentor.freeCapacity(MentorStatus.active, capacity, activeMentees), Instant.EPOCH, Instant.EPOCH);
    }

    /** A mentor in UTC reachable between {@code start} and {@code end}, with one free place unless said otherwise. */
    private static Mentor plain(String id, String start, String end) {
        return mentor(id, List.of(), List.of(), List.of(), "UTC", window(start, end), 1, 0);
    }

    private static ContactWindow window(String start, String end) {
        return new ContactWindow(List.of(Weekday.monday), start, end);
    }

    private static List<String> order(List<MentorMatch> ranked) {
        return ranked.stream().map(MentorMatch::mentorId).toList();
    }

    @Test
    void everyPartOfTheScoreAddsUpWithItsReasons() {
        Mentor mentor = mentor("mnt_a", List.of(grief, anxiety, trauma), List.of("es-MX", "en"),
            List.of(MentorMode.in_person), "UTC", window("17:00", "21:00"), 3, 1);
        MatchPreferences wants = new MatchPreferences(List.of(trauma, anxiety, depression), List.of("es"),
            MatchMode.in_person, "UTC");

        MentorMatch match = MentorMatcher.match(mentor, wants, TODAY);

        assertThat(match.score()).isEqualTo(3 * 2 + 2 + 2 + 1 + 1);
        assertThat(match.mentorId()).isEqualTo("mnt_a");
        assertThat(match.displayName()).isEqualTo("Mentor mnt_a");
        assertThat(match.reasons()).isEqualTo(new MatchReasons(List.of(anxiety, trauma), List.of("es-MX"),
            MentorMode.in_person, 4, 2));
    }

    @Test
    void nothingSharedLeavesOnlyOverlap() {
        Mentor mentor = mentor("mnt_a", List.of(grief), List.of("fr"), List.of(MentorMode.in_person), "UTC", null, 1, 0);
        MatchPreferences wants = new MatchPreferences(List.of(anxiety), List.of("en"), MatchMode.virtual, "UTC");

        MentorMatch match = MentorMatcher.match(mentor, wants, TODAY);

        assertThat(match.score()).isEqualTo(4);
        assertThat(match.reasons()).isEqualTo(new MatchReasons(List.of(), List.of(), null, 12, 1));
    }

    @Test
    void languagesMatchByPrimaryLanguageOnly() {
        Mentor mentor = mentor("mnt_a", List.of(), List.of("pt-PT", "es", "de"), List.of(), "UTC", window("09:00", "10:00"),
            1, 0);

        MentorMatch match = MentorMatcher.match(mentor,
            new MatchPreferences(List.of(), List.of("pt-BR", "en"), MatchMode.either, "UTC"), TODAY);
        MentorMatch none = MentorMatcher.match(mentor,
            new MatchPreferences(List.of(), List.of("en", "fr"), MatchMode.either, "UTC"), TODAY);

        assertThat(match.reasons().sharedLanguages()).containsExactly("pt-PT");
        assertThat(match.score()).isEqualTo(2);
        assertThat(none.reasons().sharedLanguages()).isEmpty();
        assertThat(none.score()).isZero();
    }

    @Test
    void twoSharedLanguagesScoreLikeOne() {
        Mentor mentor = mentor("mnt_a", List.of(), List.of("en", "es"), List.of(), "UTC", window("09:00", "10:00"), 1, 0);

        MentorMatch match = MentorMatcher.match(mentor,
            new MatchPreferences(List.of(), List.of("es", "en"), MatchMode.either, "UTC"), TODAY);

        assertThat(match.reasons().sharedLanguages()).containsExactly("en", "es");
        assertThat(match.score()).isEqualTo(2);
    }

    @Test
    void eitherModeTakesAnyModeAndPrefersVirtual() {
        Mentor both = mentor("mnt_a", List.of(), List.of(), List.of(MentorMode.in_person, MentorMode.virtual), "UTC",
            window("09:00", "10:00"), 1, 0);
        Mentor inPerson = mentor("mnt_b", List.of(), List.of(), List.of(MentorMode.in_person), "UTC",
            window("09:00", "10:00"), 1, 0);
        Mentor noMode = mentor("mnt_c", List.of(), List.of(), List.of(), "UTC", window("09:00", "10:00"), 1, 0);

        assertThat(MentorMatcher.match(both, ANYONE_IN_UTC, TODAY).reasons().modeCompatible()).isEqualTo(MentorMode.virtual);
        assertThat(MentorMatcher.match(inPerson, ANYONE_IN_UTC, TODAY).reasons().modeCompatible())
            .isEqualTo(MentorMode.in_person);
        assertThat(MentorMatcher.match(inPerson, ANYONE_IN_UTC, TODAY).score()).isEqualTo(2);
        assertThat(MentorMatcher.match(noMode, ANYONE_IN_UTC, TODAY).reasons().modeCompatible()).isNull();
        assertThat(MentorMatcher.match(noMode, ANYONE_IN_UTC, TODAY).score()).isZero();
    }

    @Test
    void aSpecificModeMatchesOnlyThatMode() {
        Mentor inPerson = mentor("mnt_a", List.of(), List.of(), List.of(MentorMode.in_person), "UTC",
            window("09:00", "10:00"), 1, 0);
        MatchPreferences virtual = new MatchPreferences(List.of(), List.of(), MatchMode.virtual, "UTC");
        MatchPreferences inPersonWanted = new MatchPreferences(List.of(), List.of(), MatchMode.in_person, "UTC");

        assertThat(MentorMatcher.match(inPerson, virtual, TODAY).reasons().modeCompatible()).isNull();
        assertThat(MentorMatcher.match(inPerson, virtual, TODAY).score()).isZero();
        assertThat(MentorMatcher.match(inPerson, inPersonWanted, TODAY).reasons().modeCompatible())
            .isEqualTo(MentorMode.in_person);
        assertThat(MentorMatcher.match(inPerson, inPersonWanted, TODAY).score()).isEqualTo(2);
    }

    @Test
    void overlapGivesOnePointPerWholeThreeHoursUpToFour() {
        assertThat(MentorMatcher.match(plain("mnt_a", "09:00", "11:59"), ANYONE_IN_UTC, TODAY).score()).isZero();
        assertThat(MentorMatcher.match(plain("mnt_a", "09:00", "12:00"), ANYONE_IN_UTC, TODAY).score()).isEqualTo(1);
        assertThat(MentorMatcher.match(plain("mnt_a", "09:00", "17:59"), ANYONE_IN_UTC, TODAY).score()).isEqualTo(2);
        assertThat(MentorMatcher.match(plain("mnt_a", "09:00", "20:00"), ANYONE_IN_UTC, TODAY).score()).isEqualTo(3);
        assertThat(MentorMatcher.match(plain("mnt_a", "00:00", "23:59"), ANYONE_IN_UTC, TODAY).score()).isEqualTo(4);
        assertThat(MentorMatcher.match(plain("mnt_a", "00:00", "23:59"), ANYONE_IN_UTC, TODAY).reasons()
            .timezoneOverlapHours()).isEqualTo(14);
        assertThat(MentorMatcher.match(plain("mnt_a", "06:00", "08:00"), ANYONE_IN_UTC, TODAY).reasons()
            .timezoneOverlapHours()).isZero();
    }

    @Test
    void overlapIsCountedInEachPersonsOwnTimeZone() {
        Mentor berlinEvenings = mentor("mnt_a", List.of(), List.of(), List.of(), "Europe/Berlin", window("18:00", "23:00"),
            1, 0);
        MatchPreferences inUtc = ANYONE_IN_UTC;
        MatchPreferences inMoscow = new MatchPreferences(List.of(), List.of(), MatchMode.either, "Europe/Moscow");
        MatchPreferences inKolkata = new MatchPreferences(List.of(), List.of(), MatchMode.either, "Asia/Kolkata");

        assertThat(MentorMatcher.match(berlinEvenings, inUtc, TODAY).reasons().timezoneOverlapHours()).isEqualTo(5);
        assertThat(MentorMatcher.match(berlinEvenings, inMoscow, TODAY).reasons().timezoneOverlapHours()).isEqualTo(2);
        assertThat(MentorMatcher.match(berlinEvenings, inKolkata, TODAY).reasons().timezoneOverlapHours()).isZero();
    }

    @Test
    void overlapAcrossTheDateLineCountsTheNeighbouringDays() {
        Mentor tokyoDays = mentor("mnt_a", List.of(), List.of(), List.of(), "Asia/Tokyo", window("09:00", "21:00"), 1, 0);
        Mentor honoluluDays = mentor("mnt_b", List.of(), List.of(), List.of(), "Pacific/Honolulu", window("09:00", "21:00"),
            1, 0);
        MatchPreferences inHonolulu = new MatchPreferences(List.of(), List.of(), MatchMode.either, "Pacific/Honolulu");
        MatchPreferences inTokyo = new MatchPreferences(List.of(), List.of(), MatchMode.either, "Asia/Tokyo");

        assertThat(MentorMatcher.match(tokyoDays, inHonolulu, TODAY).reasons().timezoneOverlapHours()).isEqualTo(8);
        assertThat(MentorMatcher.match(tokyoDays, inHonolulu, TODAY).score()).isEqualTo(2);
        assertThat(MentorMatcher.match(honoluluDays, inTokyo, TODAY).reasons().timezoneOverlapHours()).isEqualTo(8);
    }

    @Test
    void withoutAParticipantTimeZoneTheDayIsTakenInTheMentorsZone() {
        Mentor chicagoEvenings = mentor("mnt_a", List.of(), List.of(), List.of(), "America/Chicago",
            window("17:00", "21:00"), 1, 0);

        MentorMatch match = MentorMatcher.match(chicagoEvenings, MatchPreferences.NONE, TODAY);

        assertThat(match.reasons().timezoneOverlapHours()).isEqualTo(4);
        assertThat(match.reasons().modeCompatible()).isNull();
        assertThat(match.score()).isEqualTo(1);
    }

    @Test
    void roomForTwoOrMoreAddsOnePoint() {
        Mentor oneLeft = mentor("mnt_a", List.of(), List.of(), List.of(), "UTC", window("09:00", "10:00"), 3, 2);
        Mentor twoLeft = mentor("mnt_b", List.of(), List.of(), List.of(), "UTC", window("09:00", "10:00"), 3, 1);

        assertThat(MentorMatcher.match(oneLeft, ANYONE_IN_UTC, TODAY).score()).isZero();
        assertThat(MentorMatcher.match(oneLeft, ANYONE_IN_UTC, TODAY).reasons().freeCapacity()).isEqualTo(1);
        assertThat(MentorMatcher.match(twoLeft, ANYONE_IN_UTC, TODAY).score()).isEqualTo(1);
        assertThat(MentorMatcher.match(twoLeft, ANYONE_IN_UTC, TODAY).reasons().freeCapacity()).isEqualTo(2);
    }

    @Test
    void higherScoresComeFirst() {
        Mentor low = plain("mnt_a", "09:00", "12:00");
        Mentor high = plain("mnt_b", "09:00", "21:00");
        Mentor middle = plain("mnt_c", "09:00", "15:00");

        List<MentorMatch> ranked = MentorMatcher.rank(List.of(low, high, middle), ANYONE_IN_UTC, TODAY);

        assertThat(order(ranked)).containsExactly("mnt_b", "mnt_c", "mnt_a");
        assertThat(ranked).extracting(MentorMatch::score).containsExactly(4, 2, 1);
    }

    @Test
    void equalScoresGoFirstToMoreSharedAreas() {
        MatchPreferences wants = new MatchPreferences(List.of(anxiety), List.of("en"), MatchMode.either, "UTC");
        Mentor speaksEnglish = mentor("mnt_a", List.of(), List.of("en"), List.of(), "UTC", window("09:00", "15:00"), 1, 0);
        Mentor sharesAnxiety = mentor("mnt_b", List.of(anxiety), List.of(), List.of(), "UTC", window("09:00", "12:00"), 1, 0);

        List<MentorMatch> ranked = MentorMatcher.rank(List.of(speaksEnglish, sharesAnxiety), wants, TODAY);

        assertThat(ranked).extracting(MentorMatch::score).containsExactly(4, 4);
        assertThat(order(ranked)).containsExactly("mnt_b", "mnt_a");
    }

    @Test
    void equalScoresAndAreasGoFirstToMoreOverlapHours() {
        Mentor fiveHoursRoomForTwo = mentor("mnt_a", List.of(), List.of(), List.of(), "UTC", window("09:00", "14:00"), 2, 0);
        Mentor eightHours = plain("mnt_b", "09:00", "17:00");
        Mentor sevenHours = plain("mnt_c", "09:00", "16:00");

        List<MentorMatch> ranked = MentorMatcher.rank(List.of(fiveHoursRoomForTwo, eightHours, sevenHours),
            ANYONE_IN_UTC, TODAY);

        assertThat(ranked).extracting(MentorMatch::score).containsExactly(2, 2, 2);
        assertThat(order(ranked)).containsExactly("mnt_b", "mnt_c", "mnt_a");
    }

    @Test
    void equalScoresAreasAndOverlapGoFirstToMoreRoom() {
        Mentor roomForTwo = mentor("mnt_a", List.of(), List.of(), List.of(), "UTC", window("09:00", "15:00"), 2, 0);
        Mentor roomForFive = mentor("mnt_b", List.of(), List.of(), List.of(), "UTC", window("09:00", "15:00"), 6, 1);

        List<MentorMatch> ranked = MentorMatcher.rank(List.of(roomForTwo, roomForFive), ANYONE_IN_UTC, TODAY);

        assertThat(ranked).extracting(MentorMatch::score).containsExactly(3, 3);
        assertThat(order(ranked)).containsExactly("mnt_b", "mnt_a");
    }

    @Test
    void completeTiesGoToTheOlderMentorId() {
        Mentor younger = plain("mnt_01JD4Z8Q6K2V9X1M3N5P7R9T0Z", "09:00", "15:00");
        Mentor older = plain("mnt_01JD4Z8Q6K2V9X1M3N5P7R9T0A", "09:00", "15:00");

        assertThat(order(MentorMatcher.rank(List.of(younger, older), ANYONE_IN_UTC, TODAY)))
            .containsExactly(older.id(), younger.id());
        assertThat(order(MentorMatcher.rank(List.of(older, younger), ANYONE_IN_UTC, TODAY)))
            .containsExactly(older.id(), younger.id());
    }

    @Test
    void theSameMentorsInAnyInputOrderRankTheSame() {
        MatchPreferences wants = new MatchPreferences(List.of(anxiety, grief), List.of("en"), MatchMode.virtual, "UTC");
        List<Mentor> mentors = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            mentors.add(mentor("mnt_" + (char) ('a' + i), i % 3 == 0 ? List.of(anxiety) : List.of(grief),
                i % 2 == 0 ? List.of("en") : List.of("fr"), List.of(MentorMode.virtual), "UTC",
                window("09:00", i % 4 == 0 ? "15:00" : "12:00"), 1 + i % 3, 0));
        }
        List<String> expected = order(MentorMatcher.rank(mentors, wants, TODAY));
        Random random = new Random(42);

        for (int round = 0; round < 20; round++) {
            List<Mentor> shuffled = new ArrayList<>(mentors);
            Collections.shuffle(shuffled, random);
            assertThat(order(MentorMatcher.rank(shuffled, wants, TODAY))).isEqualTo(expected);
        }
        assertThat(expected).hasSize(12).doesNotHaveDuplicates();
    }
}
