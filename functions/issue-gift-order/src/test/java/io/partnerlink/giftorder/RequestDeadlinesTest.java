package io.partnerlink.giftorder;

import io.partnerlink.shared.api.ApiRequest;
import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partner calls must be done early enough for the answer to be recorded (whole attempts: UnreliablePartnerTest). */
class RequestDeadlinesTest {

    static ApiRequest request(TestLambdaContext lambda) {
        return new ApiRequest("POST /gift-orders", Map.of(), Map.of(), Map.of(), new byte[0], "r1", lambda, null);
    }

    final RequestDeadlines deadlines = new RequestDeadlines(Clock.systemUTC(), Duration.ofSeconds(2), Duration.ofSeconds(25));

    @Test
    void theDeadlineKeepsBackTheMargin() {
        Duration left = deadlines.of(request(new TestLambdaContext("fn", Duration.ofSeconds(10)))).remaining();
        assertTrue(left.compareTo(Duration.ofSeconds(8)) <= 0 && left.compareTo(Duration.ofSeconds(7)) > 0, left.toString());
    }

    @Test
    void aLambdaWithLessThanTheMarginLeftHasNoTime() {
        assertEquals(Duration.ZERO, deadlines.of(request(new TestLambdaContext("fn", Duration.ofSeconds(1)))).remaining());
    }

    @Test
    void withoutALambdaContextTheFallbackStandsIn() {
        Duration left = deadlines.of(request(null)).remaining();
        assertTrue(left.compareTo(Duration.ofSeconds(23)) <= 0 && left.compareTo(Duration.ofSeconds(22)) > 0, left.toString());
    }
}
