package org.kindred.api.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kindred.api.Services;
import org.kindred.api.groups.Group;
import org.kindred.api.members.EnrollmentStatus;
import org.kindred.api.members.Member;
import org.kindred.api.members.MemberInput;
import org.kindred.api.members.MemberUpdate;
import org.kindred.api.programs.CrisisLine;
import org.kindred.api.programs.CrisisModality;
import org.kindred.api.programs.DeliveryMode;
import org.kindred.api.programs.EnrollmentPolicy;
import org.kindred.api.programs.FocusArea;
import org.kindred.api.programs.Program;
import org.kindred.api.programs.ProgramInput;
import org.kindred.api.programs.ProgramStatus;
import org.kindred.api.security.Principal;
import org.kindred.api.security.Role;
import org.kindred.api.users.Account;
import org.kindred.api.users.NewAccount;
import org.kindred.api.venues.Venue;

/**
 * A small believable world for trying the API: three programs in three countries with their own crisis
 * lines, and a few people in different roles. Everything goes through the services, so demo data obeys
 * the same rules as real data. All names are invented handles; the crisis lines are real public services.
 */
public final class DemoData {
    public static final String PASSWORD = "kindred-demo-password";
    private static final String DOMAIN = "@demo.kindred.dev";

    private final Services services;
    private final List<DemoLogin> logins = new ArrayList<>();

    private DemoData(Services services) {
        this.services = services;
    }

    public static List<DemoLogin> seed(Services services) {
        DemoData demo = new DemoData(services);
        demo.seedWorld();
        return List.copyOf(demo.logins);
    }

    private void seedWorld() {
        Principal admin = principal(account("admin", "Kindred Admin", true, "admin of this Kindred"));
        Account coordinator = account("coordinator", "Harbor Lighthouse", false, "coordinator of Harbor Peer Circle and Grief to Growth");
        Account mentor = account("mentor", "Steady Oak", false, "peer mentor in Harbor Peer Circle");
        Account participant = account("participant", "Morning Fern", false, "participant in Harbor Peer Circle");
        Account peer = account("peer", "Blue Heron", false, "participant in Harbor Peer Circle and Grief to Growth");
        Account brightHarbor = account("mentor2", "Bright Harbor", false, "peer mentor in Harbor Peer Circle, at capacity");
        Account quietLantern = account("mentor3", "Quiet Lantern", false, "peer mentor in Harbor Peer Circle, paused");
        Account alumnus = account("alumni", "Evening Wren", false, "Harbor Peer Circle alumnus with a continuing mentorship");

        Program harbor = services.programs().create(admin, new ProgramInput("harbor-peer-circle", "Harbor Peer Circle",
            "Weekly peer-led circles and one-to-one peer mentoring for people living with anxiety, low mood or loneliness.",
            "Harbor Community Center", "hello@harbor.example.org", "https://harbor.example.org",
            List.of(FocusArea.anxiety, FocusArea.depression, FocusArea.loneliness),
            List.of(DeliveryMode.in_person, DeliveryMode.virtual, DeliveryMode.hybrid), "US", "America/Chicago",
            ProgramStatus.active, EnrollmentPolicy.open, List.of(
                new CrisisLine("988 Suicide & Crisis Lifeline", "988", "988", "https://988lifeline.org/chat/",
                    CrisisModality.phone, "24/7", "US"),
                new CrisisLine("Crisis Text Line", null, "741741", null, CrisisModality.sms, "24/7", "US"))));
        Program grief = services.programs().create(admin, new ProgramInput("grief-to-growth", "Grief to Growth",
            "Peer support after loss: small online and in-person groups led by people who have grieved too.",
            "Lindenhof Community Association", "kontakt@lindenhof.example.org", null,
            List.of(FocusArea.grief, FocusArea.trauma), List.of(DeliveryMode.virtual, DeliveryMode.in_person),
            "DE", "Europe/Berlin", ProgramStatus.active, EnrollmentPolicy.invite_only, List.of(
                new CrisisLine("TelefonSeelsorge", "0800 111 0 111", null, "https://online.telefonseelsorge.de/",
                    CrisisModality.phone, "24/7", "DE"))));
        Program steady = services.programs().create(admin, new ProgramInput("steady-steps", "Steady Steps",
            "Peer recovery support for people cutting down or stopping alcohol and drugs. Opening soon.",
            "Riverside Recovery Collective", null, null, List.of(FocusArea.substance_use),
            List.of(DeliveryMode.in_person), "GB", "Europe/London", ProgramStatus.draft, EnrollmentPolicy.open,
            List.of(new CrisisLine("Samaritans", "116 123", null, null, CrisisModality.phone, "24/7", "GB"))));

        grant(admin, harbor, coordinator, Role.coordinator);
        grant(admin, grief, coordinator, Role.coordinator);
        grant(admin, steady, coordinator, Role.coordinator);
        grant(admin, harbor, mentor, Role.mentor);
        grant(admin, harbor, brightHarbor, Role.mentor);
        grant(admin, harbor, quietLantern, Role.mentor);
        services.members().enroll(principal(participant), harbor.id());
        services.members().enroll(principal(peer), harbor.id());
        Member alumnusEnrollment = services.members().enroll(principal(alumnus), harbor.id());
        grant(admin, grief, peer, Role.participant);
        new DemoMentors(services, principal(coordinator)).seed(harbor, principal(mentor), principal(brightHarbor),
            principal(quietLantern), principal(participant), principal(peer), principal(alumnus));
        for (EnrollmentStatus status : List.of(EnrollmentStatus.completed, EnrollmentStatus.alumni)) {
            services.members().update(principal(coordinator), harbor.id(), alumnusEnrollment.id(), null,
                current -> new MemberUpdate(status));
        }
        Map<String, Venue> venues = new DemoVenues(services, admin).seed(harbor, grief);
        Group monday = new DemoGroups(services, principal(coordinator)).seed(harbor, grief, venues, mentor.id(),
            principal(participant), principal(peer));
        new DemoCheckins(services).seed(harbor, monday, principal(participant), principal(peer), principal(coordinator));
    }

    private Account account(String name, String displayName, boolean admin, String description) {
        Account account = services.users().create(new NewAccount(name + DOMAIN, PASSWORD, displayName, admin));
        logins.add(new DemoLogin(account.email(), PASSWORD, description));
        return account;
    }

    private void grant(Principal admin, Program program, Account account, Role role) {
        services.members().add(admin, program.id(), new MemberInput(account.id(), role));
    }

    private static Principal principal(Account account) {
        return new Principal(account.id(), account.displayName(), account.admin());
    }
}
