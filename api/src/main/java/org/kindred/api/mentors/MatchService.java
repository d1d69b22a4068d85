package org.kindred.api.mentors;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Cursor;
import org.kindred.api.http.Page;
import org.kindred.api.http.PageRequest;
import org.kindred.api.members.Member;
import org.kindred.api.members.MemberService;
import org.kindred.api.programs.ProgramService;
import org.kindred.api.security.Principal;
import org.kindred.api.security.ProgramRoles;

/** Mentor matches for a participant: only active mentors with room, ranked by {@link MentorMatcher}. */
public final class MatchService {
    private final MentorStore mentors;
    private final MemberService members;
    private final ProgramService programs;
    private final ProgramRoles roles;
    private final Clock clock;

    public MatchService(MentorStore mentors, MemberService members, ProgramService programs, ProgramRoles roles,
                        Clock clock) {
        this.mentors = mentors;
        this.members = members;
        this.programs = programs;
        this.roles = roles;
        this.clock = clock;
    }

    public Page<MentorMatch> matches(Principal caller, String programId, String participantId, PageRequest page) {
        programs.get(Optional.of(caller), programId);
        if (!caller.userId().equals(participantId) && !roles.canManage(caller, programId)) {
            throw ApiException.forbidden("participants see their own matches; coordinators anyone's");
        }
        Member participant = members.participant(programId, participantId)
            .orElseThrow(() -> ApiException.notFound("participant " + participantId + " in this program"));
        LocalDate today = LocalDate.now(clock);
        List<MentorMatch> ranked = MentorMatcher.rank(
            mentors.accepting(programId, today).stream().filter(m -> !m.userId().equals(participantId)).toList(),
            members.preferencesOf(participant), today);
        int offset = page.after() == null ? 0 : Integer.parseInt(page.after().require(0, v -> v.matches("\\d{1,6}")));
        List<MentorMatch> window = ranked.subList(Math.min(offset, ranked.size()), Math.min(offset + page.fetchSize(), ranked.size()));
        int last = offset + page.limit();
        return Page.of(window, page, match -> Cursor.of(Integer.toString(last)));
    }
}
