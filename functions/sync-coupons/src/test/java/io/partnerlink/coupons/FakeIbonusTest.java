package io.partnerlink.coupons;

import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A test class against an {@link IbonusFake}: one WireMock per class, coupons that expire in a year by default. */
abstract class FakeIbonusTest {

    static PartnerSandbox sandbox;
    final Instant nextYear = Instant.now().plus(Duration.ofDays(365));

    @BeforeAll
    static void startPartner() {
        sandbox = PartnerSandbox.start();
    }

    @AfterAll
    static void stopPartner() {
        sandbox.close();
    }

    static String status(Map<String, AttributeValue> item) {
        return item.get("status").s();
    }
}
