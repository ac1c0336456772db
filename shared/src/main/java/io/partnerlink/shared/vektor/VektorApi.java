package io.partnerlink.shared.vektor;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;

import java.util.List;
import java.util.Map;

/**
 * The three operations of the vektor-adv gift certificate API (seed {@code 000}), as Micronaut's declarative
 * client. Base URL and timeouts come from {@code micronaut.http.services.vektor.*}. Callers use {@link VektorClient},
 * which adds the token, the error mapping and the retries; every method here returns the raw {@link HttpResponse}
 * so that a 404 is an error, not a silently empty body.
 */
@Client(id = VektorApi.SERVICE)
public interface VektorApi {

    String SERVICE = "vektor";

    /** The seed says "form-data (!)not json": sent URL-encoded, the OAuth2 standard (docs/partners/vektor.md Q1). */
    @Post(uri = "/connect/token", produces = MediaType.APPLICATION_FORM_URLENCODED, consumes = MediaType.APPLICATION_JSON)
    HttpResponse<VektorToken> token(@Body Map<String, String> form);

    @Get(uri = "/api/certificates", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<List<VektorCertificate>> certificates(@Header(HttpHeaders.AUTHORIZATION) String authorization);

    /** The success body is undocumented (docs/partners/vektor.md Q2), so it is kept as text. */
    @Post(uri = "/api/orders", produces = MediaType.APPLICATION_JSON, consumes = MediaType.APPLICATION_JSON)
    HttpResponse<String> createOrder(@Header(HttpHeaders.AUTHORIZATION) String authorization, @Body VektorOrder order);
}
