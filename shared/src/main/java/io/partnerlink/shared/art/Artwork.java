package io.partnerlink.shared.art;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** The art object linked to a domain (closed object, ten required strings). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Artwork(String title, String maker, String type, String subject, String period, String dimensions,
                      String materials, String markings, String features, String reference) {
}
