package org.kindred.api.programs;

public enum CrisisModality {
    phone,
    sms,
    chat,
    web
}
