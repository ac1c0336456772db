package io.partnerlink.ordertoken.reliability;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.partnerlink.ordertoken.OrderTokenFixture;
import io.partnerlink.testsupport.CleanAnswers;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.Leaks;
import io.partnerlink.testsupport.PartnerFault;
import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Fault matrix of redeem-order-token (issue 9, item 2): every fault on its one Vitec call
 * ({@code POST /Service/Order/Token/{customerId}}). The fault lasts for every try of the first delivery: 503
 * {@code upstream-unavailable} and nothing stored. Then Vitec recovers, the sender redelivers, the ticket is
 * answered and stored, and a further redelivery is replayed without calling Vitec.
 */
class OrderTokenFaultMatrixTest {

    static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    static final String PATH = "/Service/Order/Token/M100";

    static ResponseDefinitionBuilder ticket() {
        return okJson("{\"orderId\":\"O-7\",\"userId\":\"U-7\",\"orderUserId\":\"AGENT-7\",\"targetId\":\"OBJ-7\","
                + "\"targetType\":\"Villa\",\"tenantId\":\"TEN-7\",\"chainId\":\"CH-7\",\"customerId\":\"M100\",\"hasExpired\":false}");
    }

    @ParameterizedTest(name = "order ticket x {0}")
    @EnumSource(PartnerFault.class)
    void faultOnEveryTryThenRecovery(PartnerFault fault) {
        String token = "order-token-" + UUID.randomUUID();
        Leaks.watch(token);
        try (OrderTokenFixture f = new OrderTokenFixture(PartnerSandbox.start(), true, Map.of(
                "vitec.read-timeout", READ_TIMEOUT.toMillis() + "ms", "partner.retry.max-attempts", "2"))) {
            f.stub(post(urlPathEqualTo(PATH)).willReturn(fault.answer(ticket(), READ_TIMEOUT.multipliedBy(3))));
            String delivery = OrderTokenFixture.body("M100", token);

            HttpAnswer first = f.deliver(delivery);

            CleanAnswers.assertProblem(first, 503, "upstream-unavailable");
            assertEquals(0, f.records(), "nothing stored: the redelivery asks Vitec again");
            if (fault == PartnerFault.HTTP_429_RETRY_AFTER) {
                assertEquals(Integer.toString(PartnerFault.RETRY_AFTER_SECONDS), first.header("Retry-After"));
            }
            int callsWhileFailing = f.vitecCalls();
            assertEquals(2, callsWhileFailing, "retried once (partner.retry.max-attempts=2), then answered");

            f.stub(post(urlPathEqualTo(PATH)).willReturn(ticket()));
            HttpAnswer redelivered = f.deliver(delivery);
            CleanAnswers.assertClean(redelivered);
            assertEquals(200, redelivered.status(), redelivered.body());
            assertEquals("O-7", redelivered.json().get("orderId").getStringValue());
            assertNull(redelivered.header("Idempotent-Replayed"));

            HttpAnswer again = f.deliver(delivery);
            assertEquals("true", again.header("Idempotent-Replayed"));
            assertEquals(redelivered.body(), again.body());
            assertEquals(callsWhileFailing + 1, f.vitecCalls(), "one redemption once Vitec answers; replays do not call it");
            assertEquals(1, f.records());
        }
    }
}
