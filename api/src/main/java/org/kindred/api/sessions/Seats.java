package org.kindred.api.sessions;

/** One attendance mode of a session: its capacity (null = no limit), seats taken and people waiting. */
public record Seats(Integer capacity, int going, int waitlisted) {
}
