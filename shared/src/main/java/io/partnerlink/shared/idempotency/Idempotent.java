package io.partnerlink.shared.idempotency;

/** An action's result, and whether it was replayed from the store instead of run. */
public record Idempotent<R>(R result, boolean replayed) {
}
