package io.partnerlink.shared.ibonus;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;

/**
 * The i-bonus.me REST API as documented (seed 001), paths with their trailing slashes. Answers come back as
 * {@code HttpResponse<String>}: a blocking declarative call would turn a 404 into {@code null}, and
 * {@link IbonusClient} decodes the JSON itself, so an unreadable page is told apart from an outage (it is not
 * retried) and reported against the one client it belongs to. Query values are expanded by the URI template,
 * which encodes the {@code %} wildcard as {@code %25}.
 */
@Client(id = "ibonus")
public interface IbonusApi {

    @Get(value = "/ext/api/v1/clients/{?phone,email,offset,limit}", consumes = "application/json")
    HttpResponse<String> clients(@Header(HttpHeaders.AUTHORIZATION) String authorization,
                   @Nullable @QueryValue String phone, @Nullable @QueryValue String email,
                   @Nullable @QueryValue Integer offset, @Nullable @QueryValue Integer limit);

    @Get(value = "/ext/api/v1/clients/{id}/coupons/", consumes = "application/json")
    HttpResponse<String> coupons(@Header(HttpHeaders.AUTHORIZATION) String authorization, long id);

    @Get(value = "/ext/api/v1/clients/{id}/balance/", consumes = "application/json")
    HttpResponse<String> balance(@Header(HttpHeaders.AUTHORIZATION) String authorization, long id);

    /** 200 with no documented body. */
    @Post(value = "/ext/api/v1/fiscal/orders/", produces = "application/json", consumes = "application/json")
    HttpResponse<String> createOrder(@Header(HttpHeaders.AUTHORIZATION) String authorization, @Body FiscalOrderRequest order);
}
