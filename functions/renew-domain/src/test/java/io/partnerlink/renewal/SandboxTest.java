package io.partnerlink.renewal;

import io.micronaut.json.tree.JsonNode;
import io.partnerlink.testsupport.FunctionInvoker;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.PartnerSandbox;
import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.partnerlink.renewal.RenewalTestBed.API;
import static io.partnerlink.renewal.RenewalTestBed.DRY_RUN;
import static io.partnerlink.renewal.RenewalTestBed.SCHEDULED;
import static io.partnerlink.renewal.RenewalTestBed.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local runner's sandbox ({@code infra/local/sandboxes/art}) with the demo secret, so the mappings the
 * README tells people to try are known to work: two due domains ordered, the other three left alone.
 */
class SandboxTest {

    static final Path SANDBOX = Path.of("../../infra/local/sandboxes/art");
    static final Path EVENTS = Path.of("../../infra/events");
    static final String DEMO_SECRET = "{\"clientId\":\"demo-client\",\"clientSecret\":\"demo-secret\",\"username\":\"demo@example.art\","
            + "\"password\":\"demo-password\",\"whmcsApiKey\":\"demo-whmcs-key\"}";

    RenewalTestBed bed;

    @BeforeEach
    void start() {
        bed = new RenewalTestBed(PartnerSandbox.fromMappings(SANDBOX), Map.of());
        bed.aws.putSecret(bed.secretId, DEMO_SECRET);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void theScheduledRunOrdersTheTwoDueDomainsOnly() {
        JsonNode dry = bed.run(DRY_RUN);
        assertEquals(List.of("gallery-one.art", "studio-two.art"), names(dry.get("planned"), "domain"));

        JsonNode summary = bed.run(SCHEDULED);

        assertEquals(5, summary.get("scanned").getIntValue());
        assertEquals(3, summary.get("due").getIntValue());
        assertEquals(List.of("gallery-one.art", "studio-two.art"), names(summary.get("ordered"), "domain"));
        summary.get("ordered").values().forEach(o -> {
            assertTrue(o.get("orderId").getStringValue().matches("[0-9a-f-]{36}"), o.toString());
            assertTrue(o.get("invoiceId").getStringValue().matches("[0-9a-f-]{36}"), o.toString());
        });
        assertEquals(List.of("locked-three.art", "pending-five.art"), names(summary.get("skipped"), "domain"));
        assertEquals(List.of("no-renew-right", "open-order"), names(summary.get("skipped"), "reason"));
        assertEquals(0, summary.get("failed").size());
        assertEquals(2, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))));

        JsonNode again = bed.run(SCHEDULED);
        assertEquals(0, again.get("ordered").size());
        assertEquals(2, bed.art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))));
    }

    @Test
    void theSampleEventsRunAgainstTheSandbox() throws Exception {
        JsonNode dry = bed.run(Files.readString(EVENTS.resolve("renew-domain-dry-run.json")));
        assertTrue(dry.get("dryRun").getBooleanValue());
        assertEquals(2, dry.get("planned").size());

        HttpAnswer dryHttp = HttpAnswer.parse(FunctionInvoker.invoke(bed.handler,
                Files.readString(EVENTS.resolve("renew-domain-http-dry-run.json")), TestLambdaContext.of("renew-domain")));
        assertEquals("would-order", dryHttp.json().get("status").getStringValue(), dryHttp.body());

        HttpAnswer http = HttpAnswer.parse(FunctionInvoker.invoke(bed.handler,
                Files.readString(EVENTS.resolve("renew-domain-http.json")), TestLambdaContext.of("renew-domain")));
        assertEquals(201, http.status(), http.body());
        assertEquals("gallery-one.art", http.json().get("domain").getStringValue());

        JsonNode scheduled = bed.run(Files.readString(EVENTS.resolve("renew-domain-scheduled.json")));
        assertEquals(List.of("studio-two.art"), names(scheduled.get("ordered"), "domain"));
        assertEquals(List.of("gallery-one.art", "locked-three.art", "pending-five.art"), names(scheduled.get("skipped"), "domain"));
    }

    @Test
    void theOnDemandRouteAnswersFromTheSandbox() {
        HttpAnswer dry = bed.renew("far-four.art", "demo-1", "{\"dryRun\":true}");
        assertEquals(200, dry.status(), dry.body());
        assertEquals("would-order", dry.json().get("status").getStringValue());

        HttpAnswer ordered = bed.renew("far-four.art", "demo-2", "{\"period\":24}");
        assertEquals(201, ordered.status(), ordered.body());
        assertEquals(24, ordered.json().get("period").getIntValue());

        assertEquals(409, bed.renew("locked-three.art", "demo-3", null).status());
        assertEquals(409, bed.renew("far-four.art", "demo-4", "{\"period\":120}").status());
        assertEquals(404, bed.renew("nobody.art", "demo-5", null).status());
        HttpAnswer open = bed.renew("pending-five.art", "demo-6", null);
        assertEquals("open-order", open.json().get("status").getStringValue(), open.body());
    }
}
