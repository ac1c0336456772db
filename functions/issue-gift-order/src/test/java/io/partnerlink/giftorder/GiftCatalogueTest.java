package io.partnerlink.giftorder;

import io.micronaut.json.tree.JsonNode;
import io.partnerlink.testsupport.HttpAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.partnerlink.giftorder.GiftOrderFixture.HOFF;
import static io.partnerlink.giftorder.GiftOrderFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /gift-certificates} and the per-container catalogue behind it and behind pricing. */
class GiftCatalogueTest {

    GiftOrderFixture f = new GiftOrderFixture();

    @AfterEach
    void close() {
        f.close();
    }

    int catalogueCalls() {
        return f.calls(getRequestedFor(urlEqualTo("/api/certificates")));
    }

    @Test
    void listsThePartnersCatalogueInOurShape() {
        HttpAnswer answer = f.listCertificates();

        assertEquals(200, answer.status(), answer.body());
        assertEquals("application/json", answer.header("Content-Type"));
        JsonNode first = answer.json().get("certificates").get(0);
        assertEquals(HOFF, first.get("id").getStringValue());
        assertEquals("Хофф", first.get("vendor").getStringValue());
        assertEquals("rub", first.get("unit").getStringValue());
        assertTrue(answer.body().contains("\"nominalValue\":1000,\"price\":1100"), answer.body());
        assertTrue(answer.body().contains("\"nominalValue\":0.1,\"price\":1099.99"), answer.body());
        assertTrue(answer.body().contains("\"price\":12345678901234567.89"), answer.body());
        assertEquals(4, answer.json().get("certificates").size());
        f.vektor.wireMock().verify(getRequestedFor(urlEqualTo("/api/certificates"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer token-1")));
    }

    @Test
    void theCatalogueIsKeptForFiveMinutesByDefault() {
        f.listCertificates();
        f.listCertificates();
        assertEquals(201, f.placeOrder("uses-cache", order(HOFF, 1)).status());
        assertEquals(1, catalogueCalls());

        f.advance(Duration.ofMinutes(5));
        assertEquals(200, f.listCertificates().status());
        assertEquals(2, catalogueCalls());
    }

    @Test
    void theMaxAgeIsConfigurable() {
        f.close();
        f = new GiftOrderFixture(Map.of("gift-catalogue.max-age", "30s"));
        f.listCertificates();
        f.advance(Duration.ofSeconds(20));
        f.listCertificates();
        assertEquals(1, catalogueCalls());
        f.advance(Duration.ofSeconds(11));
        f.listCertificates();
        assertEquals(2, catalogueCalls());
    }

    @Test
    void aPriceTheCachedCatalogueContradictsIsCheckedOnAFreshOne() {
        f.listCertificates();
        f.stubCatalogue(GiftOrderFixture.CATALOGUE.replace("\"price\":1100", "\"price\":1200"));

        HttpAnswer answer = f.placeOrder("new-price", """
                {"customer":{"email":"a@example.com"},"certificates":[{"id":"%s","quantity":1}],"expectedTotal":1200}
                """.formatted(HOFF));

        assertEquals(201, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"unitPrice\":1200"), answer.body());
        assertEquals(2, catalogueCalls());
    }

    @Test
    void unusableCatalogueEntriesAreLeftOut() {
        f.stubCatalogue("""
                [{"id":"%s","vendor":"Хофф","unit":"rub","value":1000,"price":1100},
                 {"id":"not-a-uuid","vendor":"X","unit":"rub","value":1,"price":1},
                 {"vendor":"No id","unit":"rub","value":1,"price":1},
                 {"id":"0B6D23C8-9019-41DA-A34D-1A12B038742D","vendor":"No price","unit":"rub","value":1},
                 {"id":"%s","vendor":"Repeated","unit":"rub","value":1,"price":1}]
                """.formatted(HOFF, HOFF.toLowerCase()));
        HttpAnswer answer = f.listCertificates();
        assertEquals(1, answer.json().get("certificates").size(), answer.body());
    }

    @Test
    void aMissingCatalogueEndpointIs502NotAnEmptyCatalogue() {
        f.vektor.wireMock().resetMappings();
        f.stubToken("token-1", 3600);
        HttpAnswer answer = f.listCertificates();
        assertEquals(502, answer.status(), answer.body());
        assertEquals("upstream-rejected", answer.problemType());
        assertEquals(1, catalogueCalls(), "a 404 is not retried");
    }

    @Test
    void anUnavailablePartnerIs503() {
        f.stub(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/api/certificates"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable()));
        HttpAnswer answer = f.listCertificates();
        assertEquals(503, answer.status(), answer.body());
        assertEquals("upstream-unavailable", answer.problemType());
        assertTrue(catalogueCalls() > 1, "retried");
    }
}
