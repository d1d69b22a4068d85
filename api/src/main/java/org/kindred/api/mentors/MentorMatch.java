package org.kindred.api.mentors;

/** One ranked mentor for a participant, with the score and its reasons. */
public record MentorMatch(String mentorId, String displayName, int score, MatchReasons reasons) {
}
