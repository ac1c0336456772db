package io.partnerlink.shared.art;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The contact embedded in a store domain: six fields, without language, VAT and wallet. */
@Serdeable
public record DomainContact(@Nullable String firstname, @Nullable String lastname, @Nullable String organization,
                            @Nullable String phone, @Nullable String email, @Nullable Address address) {

    @Override
    public String toString() {
        return "DomainContact[" + firstname + " " + lastname + ", ***]";
    }
}
