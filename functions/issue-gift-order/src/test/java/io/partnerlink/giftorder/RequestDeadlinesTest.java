package io.partnerlink.giftorder;

import io.partnerlink.shared.api.ApiRequest;
import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partner calls stop starting early enough for the last one to finish and the answer to be recorded. */
class RequestDeadlinesTest {

    static ApiRequest request(TestLambdaContext lambda) {
        return new ApiRequest("POST /gift-orders", Map.of(), Map.of(), Map.of(), new byte[0], "r1", lambda);
    }

    @Test
    void theDeadlineKeepsBackTheMarginAndOneReadTimeout() {
        RequestDeadlines deadlines = new RequestDeadlines(Clock.systemUTC(), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(25));
        Duration left = deadlines.of(request(new TestLambdaContext("fn", Duration.ofSeconds(10)))).remaining();
        assertTrue(left.compareTo(Duration.ofSeconds(5)) <= 0 && left.compareTo(Duration.ofSeconds(4)) > 0, left.toString());
    }

    @Test
    void aLambdaAlmostOutOfTimeGetsNoRetries() {
        RequestDeadlines deadlines = new RequestDeadlines(Clock.systemUTC(), Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(25));
        assertEquals(Duration.ZERO, deadlines.of(request(new TestLambdaContext("fn", Duration.ofSeconds(9)))).remaining());
    }

    @Test
    void withoutALambdaContextTheFallbackStandsIn() {
        RequestDeadlines deadlines = new RequestDeadlines(Clock.systemUTC(), Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(25));
        Duration left = deadlines.of(request(null)).remaining();
        assertTrue(left.compareTo(Duration.ofSeconds(15)) <= 0 && left.compareTo(Duration.ofSeconds(14)) > 0, left.toString());
    }
}
