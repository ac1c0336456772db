package io.partnerlink.shared.art;

import io.micronaut.serde.annotation.Serdeable;

/** {@code {"id": 12345}}: WHMCS ids are numbers. */
@Serdeable
public record WhmcsId(long id) {
}
