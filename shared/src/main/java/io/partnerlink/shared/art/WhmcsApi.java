package io.partnerlink.shared.art;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;

/**
 * The WHMCS invoice calls of the .ART API: authenticated by {@code X-API-Key} alone (no bearer token), with
 * numeric order ids. Callers go through {@link ArtBilling}.
 */
@Client(id = "art")
@Header(name = "Accept-Language", value = "en")
public interface WhmcsApi {

    String API_KEY = "X-API-Key";

    @Get("/whmcs/orders/{order}/invoice")
    WhmcsInvoice invoice(@Header(API_KEY) String apiKey, long order);

    @Post("/whmcs/orders/{order}/invoice/pay")
    WhmcsId pay(@Header(API_KEY) String apiKey, long order, @Body InvoicePayment payment);
}
