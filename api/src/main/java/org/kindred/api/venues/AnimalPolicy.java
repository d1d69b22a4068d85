package org.kindred.api.venues;

import java.time.Instant;
import java.util.List;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Checks;
import org.kindred.api.http.ErrorCode;
import org.kindred.api.http.FieldError;

/**
 * A venue's rules for animals. Service animals (a trained dog or miniature horse doing a task for a
 * disability) are always welcome: that is not a setting, so any other value is refused.
 */
public record AnimalPolicy(
    String serviceAnimals,
    EsaPolicy emotionalSupportAnimals,
    Pets pets,
    String allergyNotes,
    Boolean animalFreeRoom,
    Instant verifiedAt,
    String verifiedBy) {

    public static final String SERVICE_ANIMALS_WELCOME = "always_welcome";
    static final AnimalPolicy DEFAULT = new AnimalPolicy(SERVICE_ANIMALS_WELCOME, EsaPolicy.ask_first, Pets.NO_PETS, null,
        false, null, null);

    AnimalPolicy withDefaults() {
        return new AnimalPolicy(serviceAnimals == null ? SERVICE_ANIMALS_WELCOME : serviceAnimals,
            emotionalSupportAnimals == null ? EsaPolicy.ask_first : emotionalSupportAnimals,
            pets == null ? Pets.NO_PETS : pets.withDefaults(), allergyNotes, Boolean.TRUE.equals(animalFreeRoom),
            verifiedAt, verifiedBy);
    }

    void check(Checks checks) {
        pets.check(checks);
        checks.text("animal_policy.allergy_notes", allergyNotes, 1000, false)
            .text("animal_policy.verified_by", verifiedBy, 120, false);
    }

    /** A well-formed request that tries to refuse service animals is semantically impossible: 422. */
    void requireServiceAnimalsWelcome() {
        if (!SERVICE_ANIMALS_WELCOME.equals(serviceAnimals)) {
            throw new ApiException(ErrorCode.unprocessable, "animal_policy.service_animals can only be always_welcome: "
                + "a venue may not refuse a service animal (a trained dog or miniature horse doing a task for a "
                + "person with a disability); emotional_support_animals and pets are the venue's to decide",
                List.of(new FieldError("animal_policy.service_animals", "service_animals_always_welcome",
                    "must be always_welcome")));
        }
    }
}
