package io.partnerlink.shared.ibonus;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The error body i-bonus answers with (the Spring Boot default shape); only {@code status} and {@code message} count. */
@Serdeable
public record IbonusError(@Nullable String error, @Nullable String message, @Nullable String path,
                          @Nullable Integer status, @Nullable Long timestamp) {
}
