package io.partnerlink.shared.ibonus;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** A client's spendable amount in one bonus currency ({@code points} or {@code rubles} for now). */
@Serdeable
public record Balance(@Nullable BigDecimal amount, @Nullable String currency) {
}
