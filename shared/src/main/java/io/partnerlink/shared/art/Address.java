package io.partnerlink.shared.art;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** A postal address (closed object; in the store all six fields are required, so all six are always sent). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Address(String zip, String country, String state, String city, String line1, String line2) {
}
