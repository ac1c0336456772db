package io.partnerlink.ordertoken;

import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static io.partnerlink.ordertoken.OrderTokenFixture.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local sandbox (infra/local/sandboxes/vitec, served by the local runner) with the demo credentials the
 * runner stores: every documented token gives the answer the README promises.
 */
class SandboxMappingsTest {

    static final Path SANDBOX = Path.of("../../infra/local/sandboxes/vitec");
    OrderTokenFixture fx;

    @BeforeEach
    void start() {
        fx = new OrderTokenFixture(PartnerSandbox.fromMappings(SANDBOX), true, Map.of());
        fx.aws.putSecret(fx.vitecSecretId, "{\"username\":\"demo\",\"password\":\"demo-password\"}");
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void theValidTokenRedeems() {
        HttpAnswer answer = fx.deliver(body("M10001", "demo-valid-token"));
        assertEquals(200, answer.status(), answer.body());
        assertEquals("ORD-2024-000123", answer.json().get("orderId").getStringValue());
        assertEquals("OBJ-3F2504E0", answer.json().get("targetId").getStringValue());
    }

    @Test
    void theExpiredTokenIs410() {
        assertEquals("token-expired", fx.deliver(body("M10001", "demo-expired-token")).problemType());
    }

    @Test
    void anUnknownTokenIs422WithVitecsMessage() {
        HttpAnswer answer = fx.deliver(body("M10001", "no-such-token"));
        assertEquals(422, answer.status(), answer.body());
        assertTrue(answer.json().get("detail").getStringValue().contains("The order token is unknown."), answer.body());
    }

    @Test
    void aTokenOfAnotherOfficeIsRefused() {
        HttpAnswer answer = fx.deliver(body("M10001", "demo-other-office-token"));
        assertEquals(502, answer.status(), answer.body());
        assertEquals("upstream-rejected", answer.problemType());
    }

    @Test
    void aCustomerTheAccountCannotSeeIs502NamingIt() {
        HttpAnswer answer = fx.deliver(body("M20002", "demo-valid-token"));
        assertEquals(502, answer.status(), answer.body());
        assertTrue(answer.json().get("detail").getStringValue().contains("M20002"), answer.body());
    }

    @Test
    void vitecDownIs503AfterRetries() {
        HttpAnswer answer = fx.deliver(body("M10001", "demo-vitec-down-token"));
        assertEquals(503, answer.status(), answer.body());
        assertEquals(3, fx.vitecCalls());
    }

    @Test
    void wrongCredentialsAre502AfterOneReRead() {
        fx.aws.putSecret(fx.vitecSecretId, "{\"username\":\"demo\",\"password\":\"wrong\"}");
        HttpAnswer answer = fx.deliver(body("M10001", "demo-valid-token"));
        assertEquals(502, answer.status(), answer.body());
        assertEquals(2, fx.vitecCalls());
    }
}
