package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.TestServer;
import org.kindred.sdk.api.VenuesApi;
import org.kindred.sdk.model.Accessibility;
import org.kindred.sdk.model.Address;
import org.kindred.sdk.model.AnimalPolicy;
import org.kindred.sdk.model.Pets;
import org.kindred.sdk.model.Space;
import org.kindred.sdk.model.Species;
import org.kindred.sdk.model.Venue;
import org.kindred.sdk.model.VenueCreate;
import org.kindred.sdk.model.VenueList;

class VenuesSdkTest {
    private static TestServer server;
    private static KindredClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = TestClients.anonymous(server);
        admin.login(server.account("Admin", true).email(), TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void venue(String name, double lat, double lon, boolean stepFree, Set<Species> species) {
        VenueCreate venue = new VenueCreate().name(name)
            .address(new Address().line1("1 Test Street").city("Chicago").country("US"))
            .latitude(lat).longitude(lon).timezone("America/Chicago").spaces(Space.BOTH)
            .accessibility(new Accessibility().stepFreeEntrance(stepFree))
            .animalPolicy(new AnimalPolicy().pets(new Pets().species(species)
                .where(species.isEmpty() ? null : Pets.WhereEnum.OUTDOOR)));
        admin.call(api -> api.venues().createVenue(venue, null));
    }

    @Test
    void findsDogFriendlyStepFreeVenuesWithinTenKilometres() {
        venue("Near Dog Step-Free", 41.8800, -87.6300, true, Set.of(Species.DOG));
        venue("Near Dog With Stairs", 41.8810, -87.6310, false, Set.of(Species.DOG));
        venue("Near Cats Only", 41.8820, -87.6320, true, Set.of(Species.CAT));
        venue("Far Dog Step-Free", 42.1000, -87.6300, true, Set.of(Species.DOG));

        KindredClient anyone = TestClients.anonymous(server);
        VenueList found = anyone.call(api -> api.venues().listVenues(VenuesApi.APIListVenuesRequest.newBuilder()
            .near("41.8781,-87.6298").radiusKm(10.0).species(Species.DOG).stepFree(true).build()));

        assertThat(found.getData()).extracting(Venue::getName).containsExactly("Near Dog Step-Free");
        assertThat(found.getData().get(0).getDistanceKm()).isBetween(0.1, 0.3);
        assertThat(found.getData().get(0).getAnimalPolicy().getServiceAnimals())
            .isEqualTo(AnimalPolicy.ServiceAnimalsEnum.ALWAYS_WELCOME);
    }
}
