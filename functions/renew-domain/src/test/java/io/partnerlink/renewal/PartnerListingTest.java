package io.partnerlink.renewal;

import io.micronaut.json.tree.JsonNode;
import io.partnerlink.testsupport.AwsEndpointProxy;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.partnerlink.renewal.RenewalTestBed.API;
import static io.partnerlink.renewal.RenewalTestBed.DRY_RUN;
import static io.partnerlink.renewal.RenewalTestBed.SCHEDULED;
import static io.partnerlink.renewal.RenewalTestBed.domain;
import static io.partnerlink.renewal.RenewalTestBed.expiresIn;
import static io.partnerlink.renewal.RenewalTestBed.names;
import static io.partnerlink.renewal.RenewalTestBed.order;
import static io.partnerlink.renewal.RenewalTestBed.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 (points 1, 2, 3, 5 and 7, and "bad input from partners") through the real handler against WireMock,
 * DynamoDB Local and moto: first on the local sandbox with its scenario selected through WireMock's admin API, as a
 * user of the running stack would; then each bad page stubbed on its own.
 */
class PartnerListingTest {

    RenewalTestBed bed;

    @AfterEach
    void stop() {
        bed.close();
    }

    // ------------------------------------------------------------------ the sandbox's scenarios

    RenewalTestBed sandbox(String state) throws Exception {
        bed = new RenewalTestBed(PartnerSandbox.fromMappings(SandboxTest.SANDBOX), Map.of());
        bed.aws.putSecret(bed.secretId, SandboxTest.DEMO_SECRET);
        select(state);
        return bed;
    }

    /** What the README tells a user of the running stack to do; null goes back to the default (the demo data). */
    void select(String state) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> set = http.send(HttpRequest.newBuilder(URI.create(bed.art.baseUrl() + "/__admin/scenarios/art-store/state"))
                    .PUT(state == null ? HttpRequest.BodyPublishers.noBody() // no state: back to the default
                            : HttpRequest.BodyPublishers.ofString("{\"state\":\"" + state + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, set.statusCode(), set.body());
        }
    }

    @Test
    void withPagesCappedAt20Over45DomainsADryRunExaminesAll45() throws Exception {
        sandbox("capped-pages");

        JsonNode dry = bed.run(DRY_RUN);

        assertEquals(45, dry.get("scanned").getIntValue(), dry.toString());
        assertEquals(45, dry.get("byStatus").get("active").getIntValue());
        assertEquals(List.of("capped-00.art", "capped-09.art", "capped-18.art", "capped-27.art", "capped-36.art"),
                names(dry.get("planned"), "domain"), "the due ones of every page, the last two pages included");
        for (String offset : List.of("0", "20", "40")) {
            assertEquals(1, bed.art.count(getRequestedFor(urlPathEqualTo(API + "/store/domains"))
                    .withQueryParam("status", equalTo("active")).withQueryParam("offset", equalTo(offset))), "offset " + offset);
        }
        assertEquals(0, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))));
    }

    @Test
    void aServerIgnoringOffsetStopsTheRunWithAReportedErrorAndNoOrder() throws Exception {
        sandbox("repeating-page");

        RenewalRunStoppedException stopped = assertThrows(RenewalRunStoppedException.class, () -> bed.run(SCHEDULED));

        assertTrue(stopped.getMessage().contains("art domains (active) could not be read to its end (offset 20): the page repeats the previous one"),
                stopped.getMessage());
        assertEquals(0, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))), "nothing ordered from a partial list");
        assertEquals(2, bed.art.count(getRequestedFor(urlPathEqualTo(API + "/store/domains"))), "stopped at once, no endless loop");
    }

    @Test
    void aDomainInGraceIsRenewedAnUnregisteredOneReportedLostAndEveryStatusCounted() throws Exception {
        sandbox("grace-and-lost");

        JsonNode summary = bed.run(SCHEDULED);

        assertEquals(7, summary.get("scanned").getIntValue());
        assertEquals(5, summary.get("byStatus").get("active").getIntValue());
        assertEquals(1, summary.get("byStatus").get("expired").getIntValue());
        assertEquals(1, summary.get("byStatus").get("unregistered").getIntValue());
        assertEquals(List.of("gallery-one.art", "studio-two.art", "grace-six.art"), names(summary.get("ordered"), "domain"));
        assertEquals(List.of("lost-seven.art"), names(summary.get("lost"), "domain"));
        assertTrue(summary.get("lost").get(0).get("expiredAt").getStringValue().endsWith("T00:00:00+0000"));
        assertEquals(0, summary.get("failed").size());
    }

    @Test
    void zAndColonOffsetsAreReadAndAnUnreadableTimestampFailsOnlyItsDomain() throws Exception {
        sandbox("timestamps");

        JsonNode summary = bed.run(SCHEDULED);

        assertEquals(List.of("zulu-eight.art", "colon-nine.art", "plain-ten.art"), names(summary.get("ordered"), "domain"));
        assertEquals(List.of("broken-eleven.art"), names(summary.get("failed"), "domain"));
        assertEquals("expired_at 'next tuesday' is not a timestamp (expected e.g. 2019-07-25T13:18:46+0000)",
                summary.get("failed").get(0).get("reason").getStringValue());
        assertEquals(3, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))));
    }

    @Test
    void aDomainWhoseClientHasNoContactWithItsEmailFailsAloneAndIsNotOrdered() throws Exception {
        sandbox("contact-mismatch");

        JsonNode summary = bed.run(SCHEDULED);

        assertEquals(List.of("studio-two.art"), names(summary.get("ordered"), "domain"));
        assertEquals(List.of("gallery-one.art"), names(summary.get("failed"), "domain"));
        assertTrue(summary.get("failed").get(0).get("reason").getStringValue()
                .startsWith("no store contact of client c1a1e0de-0000-4000-8000-00000000c001 has the domain contact's e-mail"));
        assertEquals(1, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))));
    }

    @Test
    void byDefaultTheSandboxIsTheDemoAndItsExtraListsAreEmpty() throws Exception {
        sandbox("capped-pages");
        select(null);
        JsonNode summary = bed.run(DRY_RUN);
        assertEquals(5, summary.get("scanned").getIntValue());
        assertEquals(Map.of("active", 5), Map.of("active", summary.get("byStatus").get("active").getIntValue()));
        assertEquals(1, summary.get("byStatus").size());
        assertEquals(0, summary.get("lost").size());
    }

    // ------------------------------------------------------------------ bad pages, one at a time

    static final String DUE = domain("due.art", "c-1", expiresIn(Duration.ofDays(5)), 60, "renew");
    static final String OTHER = domain("other.art", "c-1", expiresIn(Duration.ofDays(6)), 60, "renew");

    /** The domain list at offset 0 answers {@code firstPage}; every other offset an empty page of total 2. */
    void domainsAnswer(String firstPage) {
        bed = new RenewalTestBed(Map.of("renewal.page-size", "2")).withStore();
        bed.stub(get(urlPathEqualTo(API + "/store/domains")).withQueryParam("status", equalTo("active"))
                .withQueryParam("offset", equalTo("0")).willReturn(okJson(firstPage)));
        bed.acceptsOrder("due.art", "o-due");
        bed.acceptsOrder("other.art", "o-other");
    }

    @Test
    void everyBadDomainPageStopsTheRunWithItsReasonAndOrdersNothing() {
        String noId = DUE.replace("\"id\":\"id-due.art\",", "");
        Map<String, String> bad = Map.of(
                "3 items arrived for a limit of 2", "{\"total\":3,\"items\":[" + DUE + "," + OTHER + "," + DUE.replace("due.art", "third.art") + "]}",
                "negative total -2", "{\"total\":-2,\"items\":[" + DUE + "]}",
                "no total", "{\"items\":[" + DUE + "]}",
                "item 0 has no id", "{\"total\":1,\"items\":[" + noId + "]}",
                "id id-due.art was listed before", "{\"total\":2,\"items\":[" + DUE + "," + DUE + "]}",
                "an empty page before the total of 5", "{\"total\":5,\"items\":[" + DUE + "]}");
        bad.forEach((problem, page) -> {
            domainsAnswer(page);
            bed.stub(get(urlPathEqualTo(API + "/store/domains")).withQueryParam("offset", equalTo("1")).willReturn(okJson("{\"total\":5,\"items\":[]}")));
            RenewalRunStoppedException stopped = assertThrows(RenewalRunStoppedException.class, () -> bed.run(SCHEDULED), problem);
            assertTrue(stopped.getMessage().contains(problem), problem + " -> " + stopped.getMessage());
            assertEquals(0, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))), problem);
            bed.close();
        });
        bed = new RenewalTestBed(Map.of()); // closed by stop()
    }

    @Test
    void duplicateIdsAcrossPagesStopTheRun() {
        domainsAnswer("{\"total\":3,\"items\":[" + DUE + "," + OTHER + "]}");
        bed.stub(get(urlPathEqualTo(API + "/store/domains")).withQueryParam("status", equalTo("active"))
                .withQueryParam("offset", equalTo("2")).willReturn(okJson("{\"total\":3,\"items\":[" + OTHER + "]}")));

        RenewalRunStoppedException stopped = assertThrows(RenewalRunStoppedException.class, () -> bed.run(SCHEDULED));

        assertTrue(stopped.getMessage().contains("id id-other.art was listed before"), stopped.getMessage());
        assertEquals(0, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))));
    }

    @Test
    void anOpenOrderOnASecondCappedPageIsFoundSoNoSecondPurchase() {
        domainsAnswer("{\"total\":1,\"items\":[" + DUE + "]}");
        // .ART caps order pages at one item: the open renewal sits at offset 1, past what limit-based paging would read.
        bed.stub(get(urlPathEqualTo(API + "/store/orders")).withQueryParam("domain", equalTo("due.art")).withQueryParam("status", equalTo("unpaid"))
                .withQueryParam("offset", equalTo("0")).willReturn(okJson("{\"total\":2,\"items\":[" + order("o-old", "unpaid", "elsewhere.art") + "]}")));
        bed.stub(get(urlPathEqualTo(API + "/store/orders")).withQueryParam("domain", equalTo("due.art")).withQueryParam("status", equalTo("unpaid"))
                .withQueryParam("offset", equalTo("1")).willReturn(okJson("{\"total\":2,\"items\":[" + order("o-open", "unpaid", "due.art") + "]}")));

        JsonNode summary = bed.run(SCHEDULED);

        assertEquals(List.of("open-order"), names(summary.get("skipped"), "reason"));
        assertEquals(0, bed.ordersPlacedFor("due.art"));
    }

    @Test
    void aBadOrderListFailsThatDomainAloneAndBuysNothingForIt() {
        domainsAnswer("{\"total\":2,\"items\":[" + DUE + "," + OTHER + "]}");
        bed.stub(get(urlPathEqualTo(API + "/store/orders")).withQueryParam("domain", equalTo("due.art"))
                .willReturn(okJson("{\"total\":-1,\"items\":[]}")));

        JsonNode summary = bed.run(SCHEDULED);

        assertEquals(List.of("other.art"), names(summary.get("ordered"), "domain"));
        assertEquals(List.of("due.art"), names(summary.get("failed"), "domain"));
        assertTrue(summary.get("failed").get(0).get("reason").getStringValue().contains("art orders could not be read to its end"));
        assertEquals(0, bed.ordersPlacedFor("due.art"));
    }

    // ------------------------------------------------------------------ the dry run and our records

    @Test
    void theDryRunReportsAlreadyOrderedWhereTheRealRunWould() {
        domainsAnswer("{\"total\":2,\"items\":[" + DUE + "," + OTHER + "]}");
        JsonNode real = bed.run(SCHEDULED);
        assertEquals(List.of("due.art", "other.art"), names(real.get("ordered"), "domain"));

        JsonNode dry = bed.run(DRY_RUN);
        JsonNode again = bed.run(SCHEDULED);

        assertEquals(0, dry.get("planned").size(), dry.toString());
        assertEquals(names(again.get("skipped"), "reason"), names(dry.get("skipped"), "reason"));
        assertEquals(List.of("already-ordered", "already-ordered"), names(dry.get("skipped"), "reason"));
        assertEquals(List.of("o-due", "o-other"), names(dry.get("skipped"), "orderId"));
        assertEquals(2, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))));
    }

    @Test
    void theDryRunPlansAnOrderOurRecordsShowCancelledAsTheRealRunWouldReorderIt() {
        domainsAnswer("{\"total\":1,\"items\":[" + DUE + "]}");
        bed.run(SCHEDULED);
        bed.stub(get(urlEqualTo(API + "/store/orders/o-due")).willReturn(okJson(order("o-due", "cancelled", "due.art"))));

        JsonNode dry = bed.run(DRY_RUN);
        assertEquals(List.of("due.art"), names(dry.get("planned"), "domain"));

        JsonNode real = bed.run(SCHEDULED);
        assertEquals(List.of("due.art"), names(real.get("ordered"), "domain"));
        assertEquals(2, bed.ordersPlacedFor("due.art"));
        assertEquals(List.of(), texts(real.get("fallbackRegistrants")));
    }

    @Test
    void theDryRunReportsInProgressWhereAnotherRunHoldsTheDomain() {
        try (AwsEndpointProxy store = AwsEndpointProxy.to(LocalAws.get().dynamoDbEndpoint())) {
            bed = new RenewalTestBed(Map.of()).withStore(DUE);
            store.building("aws.endpointUrlDynamoDb", () -> bed.context().getBean(DynamoDbClient.class));
            bed.acceptsOrder("due.art", "o-due");
            store.dropCalls("DynamoDB_20120810.PutItem", "\"COMPLETED\"");
            bed.run(SCHEDULED); // its record stays in progress, as a run still going (or dead, until its deadline) leaves it
            store.up();

            JsonNode dry = bed.run(DRY_RUN);

            assertEquals(List.of("in-progress"), names(dry.get("skipped"), "reason"), dry.toString());
            assertEquals(0, dry.get("planned").size());
            assertEquals(1, bed.ordersPlacedFor("due.art"));
        }
    }

    @Test
    void theOnDemandDryRunConsultsOurRecordsToo() {
        bed = new RenewalTestBed(Map.of()).withStore(DUE);
        bed.acceptsOrder("due.art", "o-due");
        assertEquals(201, bed.renew("due.art", "key-1", null).status());

        HttpAnswer dry = bed.renew("due.art", "key-2", "{\"dryRun\":true}");

        assertEquals(200, dry.status(), dry.body());
        assertEquals("already-ordered", dry.json().get("status").getStringValue());
        assertEquals("o-due", dry.json().get("orderId").getStringValue());
        assertEquals("store-contact", dry.json().get("registrant").getStringValue());
        assertEquals(1, bed.ordersPlacedFor("due.art"));
    }
}
