package io.partnerlink.shared.problem;

import io.micronaut.serde.annotation.Serdeable;

/** One invalid field: a JSON path in our request shape (for example {@code certificates[0].id}) and what is wrong. */
@Serdeable
public record FieldError(String field, String message) {
}
