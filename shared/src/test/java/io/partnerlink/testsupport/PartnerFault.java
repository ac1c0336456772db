package io.partnerlink.testsupport;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * The faults of the fault matrix (issue 9), each as the WireMock answer that produces it. {@link #SLOWER_THAN_TIMEOUT}
 * carries the partner's real success body, arriving after the client gave up: the partner did the work, we did not
 * hear of it, which is the case where a success could be lost.
 */
public enum PartnerFault {
    CONNECTION_RESET,
    HTTP_500,
    HTTP_503,
    HTTP_429_RETRY_AFTER,
    SLOWER_THAN_TIMEOUT,
    MALFORMED_JSON,
    EMPTY_200;

    /** The Retry-After the 429 carries, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 1;

    /**
     * @param success the partner's success answer (body and headers), used by the slow fault
     * @param delay   how late the slow answer comes; more than the client's read timeout
     */
    public ResponseDefinitionBuilder answer(ResponseDefinitionBuilder success, Duration delay) {
        return switch (this) {
            case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case HTTP_500 -> aResponse().withStatus(500).withHeader("Content-Type", "text/plain").withBody("Internal Server Error");
            case HTTP_503 -> aResponse().withStatus(503).withHeader("Content-Type", "text/html").withBody("<h1>Service Unavailable</h1>");
            case HTTP_429_RETRY_AFTER -> aResponse().withStatus(429).withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS))
                    .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Too many requests\"}");
            case SLOWER_THAN_TIMEOUT -> success.withFixedDelay((int) delay.toMillis());
            case MALFORMED_JSON -> aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\": \"x\", [");
            case EMPTY_200 -> aResponse().withStatus(200).withHeader("Content-Type", "application/json");
        };
    }

    /** Whether the partner answered 200, so it may have done the work (slow, malformed, empty). */
    public boolean partnerSucceeded() {
        return this == SLOWER_THAN_TIMEOUT || this == MALFORMED_JSON || this == EMPTY_200;
    }

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
