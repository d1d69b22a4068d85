package org.kindred.api.mentors;

import org.kindred.api.http.Checks;
import org.kindred.api.venues.Species;

/** An animal that comes to the mentor's sessions, such as a therapy dog; people with allergies can choose. */
public record TrainedAnimal(Species species, String description) {

    void check(Checks checks) {
        checks.required("trained_animal.species", species).text("trained_animal.description", description, 500, false);
    }
}
