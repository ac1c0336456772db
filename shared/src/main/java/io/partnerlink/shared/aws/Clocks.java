package io.partnerlink.shared.aws;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The system clock as a bean, so tests can move time instead of waiting for it. */
@Factory
public class Clocks {

    @Singleton
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
