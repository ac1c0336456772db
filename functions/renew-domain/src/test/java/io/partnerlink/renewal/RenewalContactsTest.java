package io.partnerlink.renewal;

import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.partnerlink.renewal.RenewalTestBed.API;
import static io.partnerlink.renewal.RenewalTestBed.SCHEDULED;
import static io.partnerlink.renewal.RenewalTestBed.domain;
import static io.partnerlink.renewal.RenewalTestBed.expiresIn;
import static io.partnerlink.renewal.RenewalTestBed.names;
import static io.partnerlink.renewal.RenewalTestBed.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which contact a renewal order carries, and what happens when there is none. */
class RenewalContactsTest {

    RenewalTestBed bed;

    @AfterEach
    void stop() {
        bed.close();
    }

    static String contact(String id, String email, String status, String vat) {
        return "{\"_acl\":[],\"id\":\"" + id + "\",\"client\":\"c-7\",\"status\":\"" + status + "\",\"language\":\"en\","
                + "\"firstname\":\"A\",\"lastname\":\"B\",\"organization\":\"Org\"," + (vat == null ? "" : "\"vat\":\"" + vat + "\",")
                + "\"phone\":\"+46.8123\",\"email\":\"" + email + "\",\"address\":" + RenewalTestBed.ADDRESS + "}";
    }

    @Test
    void theDomainContactsEmailWinsMissingOptionalFieldsAreSentEmptyAndNoContactFailsOnlyThatDomain() {
        // No default contact: the configured one is blanked out.
        bed = new RenewalTestBed(Map.of("renewal.default-contact.email", "")).withStore(
                domain("seven.art", "c-7", expiresIn(Duration.ofDays(3)), 60, "renew"),
                domain("orphan.art", "c-9", expiresIn(Duration.ofDays(4)), 60, "renew"));
        bed.stub(get(urlPathEqualTo(API + "/store/contacts")).withQueryParam("client", equalTo("c-7")).willReturn(okJson(page(
                contact("k-verified", "other@example.art", "verified", "SE1"),
                contact("k-owner", "owner@example.art", "unverified", null)))));
        bed.acceptsOrder("seven.art", "o-seven");

        JsonNode summary = bed.run(SCHEDULED);

        assertEquals(List.of("seven.art"), names(summary.get("ordered"), "domain"));
        assertEquals(List.of("orphan.art"), names(summary.get("failed"), "domain"));
        assertTrue(summary.get("failed").get(0).get("reason").getStringValue().startsWith("no complete contact"));
        assertEquals(1, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))
                .withRequestBody(matchingJsonPath("$.items[0].contact.email", equalTo("owner@example.art")))
                .withRequestBody(matchingJsonPath("$.items[0].contact.vat", equalTo("")))
                .withRequestBody(matchingJsonPath("$.items[0].contact.ethereum", equalTo("")))));
        assertEquals(0, bed.ordersPlacedFor("orphan.art"));
    }
}
