package io.partnerlink.shared.vitec;

import io.micronaut.serde.annotation.Serdeable;

/** Vitec's {@code OrderToken}: the opaque token data a partner system received for an order. */
@Serdeable
public record OrderToken(String data) {

    @Override
    public String toString() {
        return "OrderToken[***]";
    }
}
