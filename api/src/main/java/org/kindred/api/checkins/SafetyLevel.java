package org.kindred.api.checkins;

/** crisis: the participant said so; elevated: an instrument crossed a risk threshold. */
public enum SafetyLevel {
    crisis,
    elevated
}
