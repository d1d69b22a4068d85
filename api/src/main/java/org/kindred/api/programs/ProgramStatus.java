package org.kindred.api.programs;

/** draft → active → archived; a draft may also be archived directly. Nothing goes back. */
public enum ProgramStatus {
    draft,
    active,
    archived;

    boolean canBecome(ProgramStatus next) {
        return next == this
            || this == draft && (next == active || next == archived)
            || this == active && next == archived;
    }
}
