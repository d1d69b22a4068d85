package org.kindred.api.programs;

import org.kindred.api.http.Checks;

/** A line a participant in crisis can reach, with how and when. */
public record CrisisLine(
    String name,
    String phone,
    String sms,
    String chatUrl,
    CrisisModality modality,
    String hours,
    String country) {

    void check(Checks checks, String field) {
        checks.text(field + ".name", name, 120, true)
            .required(field + ".modality", modality)
            .text(field + ".hours", hours, 120, false)
            .country(field + ".country", country, true)
            .phone(field + ".phone", phone)
            .phone(field + ".sms", sms)
            .url(field + ".chat_url", chatUrl);
        if (modality == CrisisModality.phone) {
            checks.required(field + ".phone", phone);
        } else if (modality == CrisisModality.sms) {
            checks.required(field + ".sms", sms);
        } else if (modality != null) {
            checks.required(field + ".chat_url", chatUrl);
        }
    }
}
