package org.kindred.api.groups;

import org.kindred.api.http.Checks;

/** Seats per session, in the room and online; null means no limit. */
public record Capacity(Integer inPerson, Integer online) {
    static final Capacity UNLIMITED = new Capacity(null, null);

    void check(Checks checks) {
        checks.range("capacity.in_person", inPerson, 1, 10_000).range("capacity.online", online, 1, 10_000);
    }
}
