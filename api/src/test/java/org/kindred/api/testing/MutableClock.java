package org.kindred.api.testing;

import java.time.Instant;
import org.kindred.api.demo.SettableClock;

/** A clock tests can move, to reach expiries without waiting. */
public final class MutableClock extends SettableClock {
    public MutableClock(Instant start) {
        super(start);
    }

    public static MutableClock atSystemTime() {
        return new MutableClock(Instant.now());
    }
}
