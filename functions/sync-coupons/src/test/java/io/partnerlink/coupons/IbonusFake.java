package io.partnerlink.coupons;

import io.partnerlink.testsupport.Json;
import io.partnerlink.testsupport.PartnerSandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A small i-bonus for behaviour tests: clients with their coupons and balances, served page by page by WireMock
 * exactly as the seed describes. Change the model, call {@link #publish()}, run the sync again.
 */
public final class IbonusFake {

    public final PartnerSandbox sandbox;
    public final int pageSize;
    public final Map<Long, List<String>> coupons = new TreeMap<>();
    public final Map<Long, String> balances = new TreeMap<>();
    /** The most clients the server puts on one page, whatever {@code limit} asks for (the seed names no maximum). */
    public int serverCap = Integer.MAX_VALUE;

    public IbonusFake(PartnerSandbox sandbox, int pageSize) {
        this.sandbox = sandbox;
        this.pageSize = pageSize;
    }

    public void client(long id, String... couponJson) {
        coupons.put(id, new ArrayList<>(List.of(couponJson)));
        balances.put(id, "[{\"amount\":" + (id % 1000) + ".50,\"currency\":\"points\"}]");
    }

    /** The five clients of the behaviour tests, on pages of two (published): client 2 has none, client 4's expired. */
    public static IbonusFake fiveClients(PartnerSandbox sandbox, Instant nextYear) {
        IbonusFake ibonus = new IbonusFake(sandbox, 2);
        ibonus.client(1, coupon(11, nextYear, "Coffee"), coupon(12, nextYear, "Tea"));
        ibonus.client(2);
        ibonus.client(3, coupon(31, nextYear, "Cake"));
        ibonus.client(4, coupon(41, Instant.parse("2023-05-01T00:00:00Z"), "Old"));
        ibonus.client(5, coupon(51, nextYear, "Bun"), coupon(52, nextYear, "Juice"));
        ibonus.publish();
        return ibonus;
    }

    public static String coupon(long id, Instant expires, String header) {
        return "{\"id\":" + id + ",\"title\":\"Promo " + id + "\",\"header\":" + Json.quote(header)
                + ",\"shortDescription\":\"<p>Show at the till</p>\",\"expireDate\":" + expires.toEpochMilli()
                + ",\"token\":\"" + String.format("%017x", id * 7919) + "\",\"shareToken\":\"" + String.format("%032x", id)
                + "\",\"merchantToken\":\"" + String.format("%06d", id % 1000) + "\",\"merchantShareToken\":\"654321\"}";
    }

    /** Replaces every stub (and forgets the requests seen) with the model's current state. */
    public void publish() {
        sandbox.reset();
        List<Long> ids = new ArrayList<>(coupons.keySet());
        // Every offset up to the end is served, as a server does: offset is an index, not a page number.
        for (int offset = 0; offset <= ids.size(); offset++) {
            String page = ids.subList(offset, Math.min(ids.size(), offset + Math.min(pageSize, serverCap))).stream()
                    .map(id -> "{\"id\":" + id + ",\"email\":\"c" + id + "@shop.example\",\"phone\":\"7912" + id + "\",\"token\":\"00ab" + id + "\"}")
                    .collect(Collectors.joining(",", "[", "]"));
            sandbox.wireMock().stubFor(get(urlPathEqualTo("/ext/api/v1/clients/"))
                    .withQueryParam("offset", equalTo(Integer.toString(offset)))
                    .withQueryParam("limit", equalTo(Integer.toString(pageSize)))
                    .willReturn(okJson(page)));
        }
        coupons.forEach((id, list) -> stub("/ext/api/v1/clients/" + id + "/coupons/", String.join(",", list)));
        balances.forEach((id, json) -> sandbox.wireMock().stubFor(get(urlEqualTo("/ext/api/v1/clients/" + id + "/balance/"))
                .willReturn(okJson(json))));
    }

    private void stub(String url, String elements) {
        sandbox.wireMock().stubFor(get(urlEqualTo(url)).willReturn(okJson("[" + elements + "]")));
    }

    public int requests(String urlPrefix) {
        return (int) sandbox.wireMock().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(urlPrefix)).count();
    }
}
