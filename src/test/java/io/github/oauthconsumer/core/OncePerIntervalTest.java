package io.github.oauthconsumer.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OncePerIntervalTest {

    @Test
    void theFirstPassesAndTheOthersOfTheIntervalAreCounted() {
        OncePerInterval gate = new OncePerInterval(Duration.ofHours(1));

        assertEquals(0, gate.tryPass());
        assertEquals(-1, gate.tryPass());
        assertEquals(-1, gate.tryPass());
    }

    @Test
    void aPassReportsHowManyWereHeldBackSinceTheLastOne() {
        OncePerInterval gate = new OncePerInterval(Duration.ZERO);

        assertEquals(0, gate.tryPass());
        assertEquals(0, gate.tryPass());
    }
}
