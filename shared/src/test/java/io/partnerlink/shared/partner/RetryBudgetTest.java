package io.partnerlink.shared.partner;

import io.micronaut.context.ApplicationContext;
import io.partnerlink.testsupport.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attempt budget: a retry starts only when its pause plus one whole attempt fits before the deadline. Time is a
 * {@link TestClock} that the pauses and the attempts move forward, so nothing waits.
 */
class RetryBudgetTest {

    final TestClock clock = new TestClock();
    final List<Duration> pauses = new ArrayList<>();

    /** Partner "slow" may take 3 s an attempt, partner "fast" 500 ms. */
    final RetryPolicy retry = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(1),
            partner -> partner.equals("slow") ? Duration.ofSeconds(3) : Duration.ofMillis(500)) {
        @Override
        void sleep(Duration pause) {
            pauses.add(pause);
            clock.advance(pause);
        }
    };

    /** A call to {@code partner} that fails {@code failures} times (each failure taking {@code took}), then answers. */
    static Function<Integer, String> failing(String partner, int failures, Duration took, Duration retryAfter, TestClock clock) {
        return attempt -> {
            clock.advance(took);
            if (attempt <= failures) {
                throw new PartnerUnavailableException(partner, 503, partner + " answered HTTP 503", retryAfter, null);
            }
            return "done";
        };
    }

    final int[] attempts = {0};

    String call(Deadline deadline, Function<Integer, String> call) {
        return retry.call("test call", deadline, () -> call.apply(++attempts[0]));
    }

    @Test
    void aRetryStartsWhenThePauseAndAWholeAttemptFit() {
        // 1 s pause + 3 s attempt = 4 s, and 4.5 s are left.
        assertEquals("done", call(Deadline.in(Duration.ofSeconds(5), clock),
                failing("slow", 1, Duration.ofMillis(500), Duration.ofSeconds(1), clock)));
        assertEquals(2, attempts[0]);
        assertEquals(List.of(Duration.ofSeconds(1)), pauses);
    }

    @Test
    void noRetryStartsWhenTheAttemptCouldRunPastTheDeadline() {
        // The pause alone fits (3.5 s left), but the pause plus one 3 s attempt does not: the failure is final.
        PartnerUnavailableException e = assertThrows(PartnerUnavailableException.class, () -> call(
                Deadline.in(Duration.ofSeconds(4), clock), failing("slow", 1, Duration.ofMillis(500), Duration.ofSeconds(1), clock)));
        assertEquals("slow", e.partner());
        assertEquals(1, attempts[0]);
        assertTrue(pauses.isEmpty(), "no pause was taken: " + pauses);
    }

    @Test
    void theBudgetIsThePartnersOwn() {
        // The same 4 s deadline leaves room for another attempt at a partner whose attempts take 500 ms.
        assertEquals("done", call(Deadline.in(Duration.ofSeconds(4), clock),
                failing("fast", 1, Duration.ofMillis(500), Duration.ofSeconds(1), clock)));
        assertEquals(2, attempts[0]);
    }

    @Test
    void theLastAttemptStartsEarlyEnoughToEndBeforeTheDeadline() {
        Deadline deadline = Deadline.in(Duration.ofSeconds(10), clock);
        List<Duration> leftAtStart = new ArrayList<>();
        assertThrows(PartnerUnavailableException.class, () -> retry.call("test call", deadline, () -> {
            leftAtStart.add(deadline.remaining());
            clock.advance(Duration.ofSeconds(3)); // every attempt runs into the read timeout
            throw new PartnerUnavailableException("slow", 0, "slow timed out", null, null);
        }));
        assertTrue(leftAtStart.size() >= 2, "retried: " + leftAtStart);
        // TestClock runs on real time too: allow the few milliseconds the test itself takes.
        assertTrue(leftAtStart.stream().allMatch(left -> left.compareTo(Duration.ofMillis(2_950)) >= 0),
                "every attempt had a whole read timeout left: " + leftAtStart);
    }

    @Test
    void theFirstAttemptRunsEvenWithNoTimeLeft() {
        assertEquals("done", call(Deadline.in(Duration.ZERO, clock), failing("fast", 0, Duration.ZERO, null, clock)));
        assertEquals(1, attempts[0]);
    }

    @Test
    void aFailureWhoseRetriesAreSpentIsNotRetriedAgain() {
        PartnerUnavailableException spent = new PartnerUnavailableException("fast", 503, "token endpoint down", null, null) {
            @Override
            public boolean retriesSpent() {
                return true;
            }
        };
        assertSame(spent, assertThrows(PartnerUnavailableException.class, () -> call(Deadline.in(Duration.ofSeconds(60), clock),
                attempt -> {
                    throw spent;
                })));
        assertEquals(1, attempts[0]);
    }

    @Test
    void attemptBudgetsAreTheClientsReadTimeouts() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "micronaut.http.services.vitec.read-timeout", "3s", "micronaut.http.client.read-timeout", "7s"))) {
            AttemptBudgets budgets = context.getBean(AttemptBudgets.class);
            assertEquals(Duration.ofSeconds(3), budgets.of("vitec"));
            assertEquals(Duration.ofSeconds(7), budgets.of("vektor"), "a partner without its own timeout has the default client's");
        }
        try (ApplicationContext context = ApplicationContext.run(Map.of())) {
            assertEquals(Duration.ofSeconds(10), context.getBean(AttemptBudgets.class).of("art"), "Micronaut's default");
        }
    }
}
