package io.partnerlink.coupons;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One problem of a run: the client it concerns (null for the client list itself or the run), the partner's HTTP
 * status (0 when no answer came, 200 for an unreadable answer) and what happened.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SyncError(@Nullable Long clientId, int status, String message) {
}
