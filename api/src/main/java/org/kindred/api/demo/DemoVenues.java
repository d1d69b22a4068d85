package org.kindred.api.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kindred.api.Services;
import org.kindred.api.programs.Program;
import org.kindred.api.security.Principal;
import org.kindred.api.venues.Accessibility;
import org.kindred.api.venues.Address;
import org.kindred.api.venues.AnimalPolicy;
import org.kindred.api.venues.EsaPolicy;
import org.kindred.api.venues.Fee;
import org.kindred.api.venues.FeePer;
import org.kindred.api.venues.Pets;
import org.kindred.api.venues.Space;
import org.kindred.api.venues.Species;
import org.kindred.api.venues.Venue;
import org.kindred.api.venues.VenueInput;
import org.kindred.api.venues.VenueStatus;

/** A dozen venues around Chicago and Berlin with varied animal policies, one closed in each city. */
final class DemoVenues {
    private static final Instant VERIFIED = Instant.parse("2026-10-01T09:00:00Z");

    private final Services services;
    private final Principal admin;

    DemoVenues(Services services, Principal admin) {
        this.services = services;
        this.admin = admin;
    }

    /** The venues by name. */
    Map<String, Venue> seed(Program chicago, Program berlin) {
        return Stream.of(
            venue(chicago, "Lakeside Community Room", "1200 N Lake Shore Dr", "Chicago", "US", 41.9036, -87.6264,
                30, Space.both, true, EsaPolicy.allowed, pets(Space.outdoor, 30.0, null, Species.dog), true, null),
            venue(chicago, "Harbor Community Center Hall", "2150 S Canalport Ave", "Chicago", "US", 41.8540, -87.6660,
                60, Space.indoor, true, EsaPolicy.ask_first, Pets.NO_PETS, true,
                "No pets; service animals always welcome. Cleaned for allergies before each group."),
            venue(chicago, "Wicker Park Garden Pavilion", "1425 N Damen Ave", "Chicago", "US", 41.9079, -87.6776,
                25, Space.outdoor, false, EsaPolicy.allowed,
                pets(Space.outdoor, null, null, Species.dog, Species.cat, Species.other), false, null),
            venue(chicago, "North Branch Library Meeting Room", "4455 N Lincoln Ave", "Chicago", "US", 41.9627, -87.6840,
                20, Space.indoor, true, EsaPolicy.not_allowed, Pets.NO_PETS, true, null),
            venue(chicago, "Pilsen Paws Café Back Room", "1801 S Halsted St", "Chicago", "US", 41.8576, -87.6468,
                15, Space.indoor, false, EsaPolicy.allowed,
                pets(Space.indoor, 15.0, new Fee(new BigDecimal("5.00"), "USD", FeePer.visit), Species.dog, Species.cat),
                false, "A resident cat lives here."),
            closed(venue(chicago, "Old Town Studio", "1600 N Wells St", "Chicago", "US", 41.9108, -87.6347,
                12, Space.indoor, false, EsaPolicy.ask_first, Pets.NO_PETS, false, null)),
            venue(berlin, "Lindenhof Gemeinschaftsraum", "Oranienstraße 45", "Berlin", "DE", 52.4986, 13.4030,
                25, Space.indoor, true, EsaPolicy.ask_first, pets(Space.indoor, 20.0, null, Species.dog), true, null),
            venue(berlin, "Tiergarten Pavillon", "Großer Weg 1", "Berlin", "DE", 52.5145, 13.3501,
                40, Space.outdoor, true, EsaPolicy.allowed, pets(Space.outdoor, null, null, Species.dog, Species.other),
                false, null),
            venue(berlin, "Café Hundeglück", "Kastanienallee 12", "Berlin", "DE", 52.5386, 13.4094,
                18, Space.indoor, false, EsaPolicy.allowed,
                pets(Space.indoor, 25.0, new Fee(new BigDecimal("3.00"), "EUR", FeePer.visit), Species.dog, Species.cat),
                false, "Dogs and a café cat are usually present."),
            venue(berlin, "Stadtteilbibliothek Neukölln Saal", "Karl-Marx-Straße 66", "Berlin", "DE", 52.4811, 13.4353,
                30, Space.indoor, true, EsaPolicy.not_allowed, Pets.NO_PETS, true, null),
            venue(berlin, "Gartenhof Friedrichshain", "Boxhagener Straße 30", "Berlin", "DE", 52.5125, 13.4540,
                30, Space.both, true, EsaPolicy.allowed,
                pets(Space.both, null, null, Species.dog, Species.cat, Species.other), true, null),
            closed(venue(berlin, "Atelier am Kanal", "Paul-Lincke-Ufer 20", "Berlin", "DE", 52.4960, 13.4200,
                10, Space.indoor, false, EsaPolicy.ask_first, Pets.NO_PETS, false, null)))
            .collect(Collectors.toMap(Venue::name, venue -> venue));
    }

    private static Pets pets(Space where, Double maxWeightKg, Fee fee, Species... species) {
        return new Pets(List.of(species), maxWeightKg, true, where, fee, true, where != Space.indoor);
    }

    private Venue venue(Program program, String name, String street, String city, String country, double lat,
                        double lon, int capacity, Space spaces, boolean stepFree, EsaPolicy esa, Pets pets,
                        boolean animalFreeRoom, String allergyNotes) {
        AnimalPolicy policy = new AnimalPolicy(AnimalPolicy.SERVICE_ANIMALS_WELCOME, esa, pets, allergyNotes,
            animalFreeRoom, VERIFIED, "program coordinators, site visit");
        return services.venues().create(admin, new VenueInput(program.id(), name, null,
            new Address(street, null, city, null, null, country), lat, lon, program.timezone(), capacity, spaces,
            new Accessibility(stepFree, stepFree, false, false), null, VenueStatus.active, policy));
    }

    private Venue closed(Venue venue) {
        return services.venues().update(admin, venue.id(), null, input -> new VenueInput(input.programId(),
            input.name(), "Closed for renovation.", input.address(), input.latitude(), input.longitude(),
            input.timezone(), input.capacity(), input.spaces(), input.accessibility(), input.contact(),
            VenueStatus.closed, input.animalPolicy()));
    }
}
