package io.partnerlink.shared.art;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.client.annotation.Client;

/**
 * The .ART services API v2 as Micronaut's declarative client: authentication and the domain store (domains,
 * contacts, orders). The base URL, {@code https://services.art.art/api/v2} in production, comes from
 * {@code micronaut.http.services.art.url}. Callers go through {@link ArtStore}, which adds the bearer token,
 * retries and error mapping; a method returning a body type answers null on a 404.
 */
@Client(id = "art")
@Header(name = "Accept-Language", value = "en")
public interface ArtApi {

    @Post("/auth/token")
    TokenResponse token(@Body TokenRequest request);

    @Get("/store/domains/statuses{?limit,offset}")
    ArtPage<String> domainStatuses(@Header(HttpHeaders.AUTHORIZATION) String authorization,
                                   @Nullable Integer limit, @Nullable Integer offset);

    @Get("/store/domains{?client,domain,status,limit,offset}")
    ArtPage<StoreDomain> domains(@Header(HttpHeaders.AUTHORIZATION) String authorization, @Nullable String client,
                                 @Nullable String domain, @Nullable String status, int limit, int offset);

    @Get("/store/domains/{domain}")
    @Nullable
    StoreDomain domain(@Header(HttpHeaders.AUTHORIZATION) String authorization, String domain);

    @Put("/store/domains/{domain}/autorenew")
    void enableAutorenew(@Header(HttpHeaders.AUTHORIZATION) String authorization, String domain);

    @Delete("/store/domains/{domain}/autorenew")
    void disableAutorenew(@Header(HttpHeaders.AUTHORIZATION) String authorization, String domain);

    @Get("/store/contacts/statuses{?limit,offset}")
    ArtPage<String> contactStatuses(@Header(HttpHeaders.AUTHORIZATION) String authorization,
                                    @Nullable Integer limit, @Nullable Integer offset);

    @Get("/store/contacts{?client,email,limit,offset}")
    ArtPage<StoreContact> contacts(@Header(HttpHeaders.AUTHORIZATION) String authorization, @Nullable String client,
                                   @Nullable String email, int limit, int offset);

    @Get("/store/contacts/{contact}")
    @Nullable
    StoreContact contact(@Header(HttpHeaders.AUTHORIZATION) String authorization, String contact);

    @Get("/store/orders/statuses{?limit,offset}")
    ArtPage<String> orderStatuses(@Header(HttpHeaders.AUTHORIZATION) String authorization,
                                  @Nullable Integer limit, @Nullable Integer offset);

    @Get("/store/orders{?client,invoice,domain,status,limit,offset}")
    ArtPage<StoreOrder> orders(@Header(HttpHeaders.AUTHORIZATION) String authorization, @Nullable String client,
                               @Nullable String invoice, @Nullable String domain, @Nullable String status,
                               int limit, int offset);

    @Get("/store/orders/{order}")
    @Nullable
    StoreOrder order(@Header(HttpHeaders.AUTHORIZATION) String authorization, String order);

    @Post("/store/orders")
    CreatedId createOrder(@Header(HttpHeaders.AUTHORIZATION) String authorization, @Body NewOrder order);
}
