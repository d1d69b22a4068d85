package org.kindred.api.feeds;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One meeting in the Meeting Guide JSON feed format read by meeting-finder apps. Fields that do not apply
 * are left out rather than null, as those apps expect.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeetingGuideMeeting(
    String name,
    String slug,
    int day,
    String time,
    String endTime,
    String timezone,
    String location,
    String formattedAddress,
    String address,
    String city,
    String state,
    String postalCode,
    String country,
    Double latitude,
    Double longitude,
    String conferenceUrl,
    List<String> types,
    String notes,
    String updated) {
}
