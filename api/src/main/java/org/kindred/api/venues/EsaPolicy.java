package org.kindred.api.venues;

/** Emotional-support animals are not service animals, so a venue may decide about them. */
public enum EsaPolicy {
    allowed,
    not_allowed,
    ask_first
}
