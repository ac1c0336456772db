package io.partnerlink.shared.art;

import io.micronaut.serde.annotation.Serdeable;

/** {@code {"id": "<uuid>"}}, the answer to a store create. */
@Serdeable
public record CreatedId(String id) {
}
