package org.kindred.api.venues;

import java.util.List;
import org.kindred.api.http.Checks;

/** Which pets a venue admits and on what terms; no species means no pets. */
public record Pets(List<Species> species, Double maxWeightKg, Boolean leashRequired, Space where, Fee fee,
                   Boolean waterAvailable, Boolean reliefArea) {
    public static final Pets NO_PETS = new Pets(List.of(), null, null, null, null, null, null);

    Pets withDefaults() {
        return new Pets(species == null ? List.of() : species, maxWeightKg, leashRequired, where, fee, waterAvailable,
            reliefArea);
    }

    boolean admits(Species wanted) {
        return species.contains(wanted);
    }

    void check(Checks checks) {
        checks.list("animal_policy.pets.species", species, Species.values().length)
            .range("animal_policy.pets.max_weight_kg", maxWeightKg, 0, 1000);
        if (!species.isEmpty()) {
            checks.required("animal_policy.pets.where", where);
        }
        if (fee != null) {
            fee.check(checks, "animal_policy.pets.fee");
        }
    }
}
