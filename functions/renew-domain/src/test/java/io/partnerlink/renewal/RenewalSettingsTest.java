package io.partnerlink.renewal;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.partnerlink.shared.idempotency.IdempotencyConfig;
import io.partnerlink.shared.art.OrderContact;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The function's configuration as application.properties and the environment give it. */
class RenewalSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        try (ApplicationContext context = ApplicationContext.run(Map.of())) {
            RenewalSettings settings = context.getBean(RenewalSettings.class);
            assertEquals(30, settings.windowDays());
            assertEquals(12, settings.periodMonths());
            assertEquals(RenewalSettings.Strategy.ORDER, settings.strategy());
            assertEquals("", settings.promoCode());
            assertTrue(context.getBean(DefaultContactSettings.class).contact().isEmpty());
            IdempotencyConfig idempotency = context.getBean(IdempotencyConfig.class);
            assertEquals("renew-domain", idempotency.scope());
            assertEquals(Duration.ofDays(400), idempotency.expiry());
        }
    }

    @Test
    void settingsComeFromProperties() {
        try (ApplicationContext context = ApplicationContext.run(properties("renewal.window-days", "45", "renewal.period-months", "24",
                "renewal.strategy", "autorenew", "renewal.promo", "RENEW10", "renewal.default-contact.language", "en",
                "renewal.default-contact.firstname", "Ops", "renewal.default-contact.lastname", "Team",
                "renewal.default-contact.phone", "+46.8123", "renewal.default-contact.email", "ops@company.example",
                "renewal.default-contact.zip", "11122", "renewal.default-contact.country", "SE",
                "renewal.default-contact.city", "Stockholm", "renewal.default-contact.line1", "Main st. 1"))) {
            RenewalSettings settings = context.getBean(RenewalSettings.class);
            assertEquals(45, settings.windowDays());
            assertEquals(24, settings.periodMonths());
            assertEquals(RenewalSettings.Strategy.AUTORENEW, settings.strategy());
            assertEquals("RENEW10", settings.promoCode());
            OrderContact contact = context.getBean(DefaultContactSettings.class).contact().orElseThrow();
            assertEquals("", contact.vat());
            assertEquals("", contact.address().line2());
            assertEquals("SE", contact.address().country());
        }
    }

    static Map<String, Object> properties(String... pairs) {
        Map<String, Object> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void anImpossibleWindowStopsTheStart() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("renewal.window-days", "0"))) {
            BeanInstantiationException e = assertThrows(BeanInstantiationException.class, () -> context.getBean(RenewalSettings.class));
            assertTrue(e.getMessage().contains("renewal.window-days must be 1 to 365"), e.getMessage());
        }
    }
}
