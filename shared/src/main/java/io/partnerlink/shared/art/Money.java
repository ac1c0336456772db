package io.partnerlink.shared.art;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** An amount (a JSON number, kept exact) and its ISO currency. */
@Serdeable
public record Money(BigDecimal amount, String currency) {
}
