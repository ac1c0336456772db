package io.partnerlink.shared.vitec;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;

/**
 * Vitec Express Connect ({@code micronaut.http.services.vitec.*}): the one operation we use. The path keeps the
 * seed's casing. Basic credentials are passed per call because they come from Secrets Manager and may be re-read.
 */
@Client(id = "vitec")
@Header(name = HttpHeaders.ACCEPT, value = MediaType.APPLICATION_JSON)
public interface VitecApi {

    /** {@code POST /Service/Order/Token/{customerId}}: exchanges an order token for its order ticket. */
    @Post(value = "/Service/Order/Token/{customerId}", produces = MediaType.APPLICATION_JSON, consumes = MediaType.APPLICATION_JSON)
    OrderTicket orderTicket(@PathVariable String customerId, @Body OrderToken token,
                            @Header(HttpHeaders.AUTHORIZATION) String authorization);
}
