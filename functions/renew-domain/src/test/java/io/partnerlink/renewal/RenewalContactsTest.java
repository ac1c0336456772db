package io.partnerlink.renewal;

import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import static io.partnerlink.renewal.RenewalTestBed.texts;
import static io.partnerlink.renewal.RenewalTestBed.DRY_RUN;
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
        return contact(id, "c-7", email, status, vat);
    }

    static String contact(String id, String client, String email, String status, String vat) {
        return "{\"_acl\":[],\"id\":\"" + id + "\",\"client\":\"" + client + "\",\"status\":\"" + status + "\",\"language\":\"en\","
                + "\"firstname\":\"A\",\"lastname\":\"B\",\"organization\":\"Org\"," + (vat == null ? "" : "\"vat\":\"" + vat + "\",")
                + "\"phone\":\"+46.8123\",\"email\":\"" + email + "\",\"address\":" + RenewalTestBed.ADDRESS + "}";
    }

    @Test
    void theDomainContactsEmailWinsMissingOptionalFieldsAreSentEmptyAndNoContactFailsOnlyThatDomain() {
        // A fallback contact is configured (by the test bed), but names no domain: nobody else's contact is ever sent.
        bed = new RenewalTestBed(Map.of()).withStore(
                domain("seven.art", "c-7", expiresIn(Duration.ofDays(3)), 60, "renew"),
                domain("orphan.art", "c-9", expiresIn(Duration.ofDays(4)), 60, "renew"));
        bed.stub(get(urlPathEqualTo(API + "/store/contacts")).withQueryParam("client", equalTo("c-7")).willReturn(okJson(page(
                contact("k-verified", "other@example.art", "verified", "SE1"),
                contact("k-owner", "owner@example.art", "unverified", null)))));
        bed.acceptsOrder("seven.art", "o-seven");
        bed.acceptsOrder("orphan.art", "o-orphan");

        JsonNode summary = bed.run(SCHEDULED);

        assertEquals(List.of("seven.art"), names(summary.get("ordered"), "domain"));
        assertEquals(List.of("orphan.art"), names(summary.get("failed"), "domain"));
        assertEquals("no store contact of client c-9 has the domain contact's e-mail; no order was placed"
                + " (renewal.default-contact.domains does not name it)", summary.get("failed").get(0).get("reason").getStringValue());
        assertEquals(1, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))
                .withRequestBody(matchingJsonPath("$.items[0].contact.email", equalTo("owner@example.art")))
                .withRequestBody(matchingJsonPath("$.items[0].contact.vat", equalTo("")))
                .withRequestBody(matchingJsonPath("$.items[0].contact.ethereum", equalTo("")))));
        assertEquals(0, bed.ordersPlacedFor("orphan.art"));
        assertEquals(0, summary.get("fallbackRegistrants").size());
        assertEquals(1, bed.art.count(getRequestedFor(urlPathEqualTo(API + "/store/contacts"))
                .withQueryParam("client", equalTo("c-7")).withQueryParam("email", equalTo("owner@example.art"))),
                "the client's contacts are asked for with the domain contact's e-mail");
    }

    @Test
    void anotherClientsContactWithTheSameEmailAndAVerifiedStrangerAreNeverSent() {
        bed = new RenewalTestBed(Map.of()).withStore(domain("seven.art", "c-7", expiresIn(Duration.ofDays(3)), 60, "renew"));
        // A server that ignores both filters: another client's contact has the e-mail, this client's contact does not.
        bed.stub(get(urlPathEqualTo(API + "/store/contacts")).willReturn(okJson(page(
                contact("k-other-client", "c-8", "owner@example.art", "verified", "SE1"),
                contact("k-stranger", "c-7", "someone@example.art", "verified", "SE1")))));
        bed.acceptsOrder("seven.art", "o-seven");

        JsonNode summary = bed.run(SCHEDULED);

        assertEquals(List.of("seven.art"), names(summary.get("failed"), "domain"));
        assertEquals(0, bed.ordersPlacedFor("seven.art"));
    }

    @Test
    void theFallbackIsSentOnlyForTheDomainsTheConfigurationNamesAndIsReported() {
        bed = new RenewalTestBed(Map.of("renewal.default-contact.domains", "fallback.art")).withStore(
                domain("fallback.art", "c-9", expiresIn(Duration.ofDays(3)), 60, "renew"),
                domain("orphan.art", "c-9", expiresIn(Duration.ofDays(4)), 60, "renew"));
        bed.acceptsOrder("fallback.art", "o-fallback");
        bed.acceptsOrder("orphan.art", "o-orphan");

        JsonNode dry = bed.run(DRY_RUN);
        assertEquals(List.of("fallback.art"), names(dry.get("planned"), "domain"));
        assertEquals(List.of("fallback.art"), texts(dry.get("fallbackRegistrants")));
        assertEquals(List.of("orphan.art"), names(dry.get("failed"), "domain"), "the dry run fails where the real run would");

        JsonNode summary = bed.run(SCHEDULED);

        assertEquals(List.of("fallback.art"), names(summary.get("ordered"), "domain"));
        assertEquals(List.of("fallback.art"), texts(summary.get("fallbackRegistrants")));
        assertEquals(List.of("orphan.art"), names(summary.get("failed"), "domain"));
        assertEquals(1, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))
                .withRequestBody(matchingJsonPath("$.items[0].domain", equalTo("fallback.art")))
                .withRequestBody(matchingJsonPath("$.items[0].contact.email", equalTo("domains@company.example")))));
        assertEquals(0, bed.ordersPlacedFor("orphan.art"));
    }

    @Test
    void theClientsContactsArePagedToTheEnd() {
        bed = new RenewalTestBed(Map.of("renewal.page-size", "1")).withStore(domain("seven.art", "c-7", expiresIn(Duration.ofDays(3)), 60, "renew"));
        bed.stub(get(urlPathEqualTo(API + "/store/contacts")).withQueryParam("client", equalTo("c-7")).withQueryParam("offset", equalTo("0"))
                .willReturn(okJson("{\"total\":2,\"items\":[" + contact("k-1", "other@example.art", "verified", "SE1") + "]}")));
        bed.stub(get(urlPathEqualTo(API + "/store/contacts")).withQueryParam("client", equalTo("c-7")).withQueryParam("offset", equalTo("1"))
                .willReturn(okJson("{\"total\":2,\"items\":[" + contact("k-2", "owner@example.art", "verified", "SE1") + "]}")));
        bed.acceptsOrder("seven.art", "o-seven");

        JsonNode summary = bed.run(SCHEDULED);

        assertEquals(List.of("seven.art"), names(summary.get("ordered"), "domain"), summary.toString());
        assertEquals(1, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))
                .withRequestBody(matchingJsonPath("$.items[0].contact.email", equalTo("owner@example.art")))));
    }
}
