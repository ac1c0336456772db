package io.partnerlink.renewal.reliability;

import io.partnerlink.renewal.RenewalTestBed;

import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.partnerlink.renewal.RenewalTestBed.API;

/** Test beds for {@code POST /domains/{domain}/renewals}: .ART holds the named domains and accepts their orders. */
final class OnDemandBeds {

    private OnDemandBeds() {
    }

    /** A bed whose .ART holds {@code names} (renewable, expiring in 200 days) and accepts an order {@code o-<name>} for each. */
    static RenewalTestBed holding(Map<String, Object> extra, String... names) {
        RenewalTestBed bed = new RenewalTestBed(extra).withStore();
        for (String name : names) {
            holds(bed, name);
            bed.acceptsOrder(name, orderId(name));
        }
        return bed;
    }

    static void holds(RenewalTestBed bed, String name) {
        String domain = RenewalTestBed.domain(name, "c-1", RenewalTestBed.expiresIn(Duration.ofDays(200)), 60, "renew");
        bed.stub(get(urlPathEqualTo(API + "/store/domains")).withQueryParam("domain", equalTo(name))
                .willReturn(okJson(RenewalTestBed.page(domain))));
    }

    static String orderId(String name) {
        return "o-" + name;
    }

    static int orderPosts(RenewalTestBed bed) {
        return bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders")));
    }

    static int artCalls(RenewalTestBed bed) {
        return bed.art.wireMock().getAllServeEvents().size();
    }
}
