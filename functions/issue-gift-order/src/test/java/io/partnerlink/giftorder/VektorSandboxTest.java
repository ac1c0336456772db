package io.partnerlink.giftorder;

import io.micronaut.json.tree.JsonNode;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.LogCapture;
import io.partnerlink.testsupport.TestLambdaContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local runner's vektor sandbox ({@code infra/local/sandboxes/vektor}) and the sample events
 * ({@code infra/events/issue-gift-order-*.json}) work with the real handler, as {@code infra/local/start} and
 * {@code sam local invoke -e} would use them.
 */
class VektorSandboxTest {

    static final Path EVENTS = Path.of("../../infra/events");
    final GiftOrderFixture f = GiftOrderFixture.onSandbox();
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        f.close();
        http.close();
    }

    /** What the README tells a user of the running stack to do: set the sandbox's scenario through its admin API. */
    void selectScenario(String state) throws Exception {
        HttpResponse<String> set = send(HttpRequest.newBuilder(sandbox("/__admin/scenarios/vektor-orders/state"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"" + state + "\"}")));
        assertEquals(200, set.statusCode(), set.body());
    }

    HttpAnswer event(String name) throws IOException {
        return f.invoke(Files.readString(EVENTS.resolve(name)), TestLambdaContext.of(GiftOrderFixture.FUNCTION));
    }

    @Test
    void theSampleOrderEventBuysCertificatesAndARepeatReplays() throws IOException {
        HttpAnswer first = event("issue-gift-order-place-order.json");
        assertEquals(201, first.status(), first.body());
        assertTrue(first.body().contains("\"total\":2700"), first.body());

        HttpAnswer again = event("issue-gift-order-place-order.json");
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.body(), again.body());
        assertEquals(1, f.orderCalls());
    }

    @Test
    void theSampleCatalogueEventListsTheSeedsCertificates() throws IOException {
        HttpAnswer answer = event("issue-gift-order-list-certificates.json");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(2, answer.json().get("certificates").size());
        assertTrue(answer.body().contains("Л'Этуаль"), answer.body());
    }

    @Test
    void theSampleBadRequestIs400WithNoPartnerCall() throws IOException {
        HttpAnswer answer = event("issue-gift-order-bad-request.json");
        assertEquals(400, answer.status());
        assertEquals(List.of("certificates[0].id", "certificates[0].quantity", "customer.email"),
                HttpAnswerJson.errorFields(answer).stream().sorted().toList());
        assertEquals(0, f.partnerCalls());
    }

    @Test
    void theSandboxAnswersTheDemoOrderAsAlreadyExistingInItsScenarioWhichIsSuccessAndKeepsWhatItSaid() throws Exception {
        selectScenario("order-exists");
        try (LogCapture logs = LogCapture.attach()) {
            HttpAnswer answer = event("issue-gift-order-repeated-order.json");
            assertEquals(201, answer.status(), answer.body());
            assertEquals(f.orderIdsSent().getFirst(), answer.json().get("orderId").getStringValue());
            assertEquals(409, answer.json().get("partnerAnswer").get("status").getIntValue());
            assertEquals(1, f.orderCalls());
            assertFalse(logs.linesContaining("already exists").isEmpty(), "the assumption is logged");
        }
    }

    @Test
    void byDefaultTheSandboxCreatesTheOrderAndThe201CarriesItsAnswer() throws IOException {
        HttpAnswer answer = event("issue-gift-order-repeated-order.json");
        assertEquals(201, answer.status(), answer.body());
        JsonNode partner = answer.json().get("partnerAnswer");
        assertEquals(200, partner.get("status").getIntValue());
        assertEquals("created", partner.get("json").get("status").getStringValue());
        assertEquals(answer.json().get("orderId").getStringValue(), partner.get("json").get("orderId").getStringValue());
    }

    @Test
    void inItsTextScenarioTheSandboxAnswersTextKeptVerbatim() throws Exception {
        selectScenario("answer-text");
        HttpAnswer answer = event("issue-gift-order-repeated-order.json");
        assertEquals(201, answer.status(), answer.body());
        assertEquals("accepted " + f.orderIdsSent().getFirst() + ": codes will be e-mailed",
                answer.json().get("partnerAnswer").get("text").getStringValue());
    }

    @Test
    void theSandboxTakesTheSeedsOrderAndRefusesAMissingEmailTheWayTheSeedShows() throws Exception {
        String order = """
                {"orderId":"B5AA69DF-61A5-4D97-B1FB-4F6772DFBBEB","customer":{"email":"test@test.test","name":"John Doe"},
                 "certificates":[{"id":"1C730E2D-2323-46B7-8204-DDC7200B4976","quantity":1}]}""";
        HttpResponse<String> accepted = send(order(order));
        assertEquals(200, accepted.statusCode());
        assertTrue(accepted.body().contains("B5AA69DF-61A5-4D97-B1FB-4F6772DFBBEB"), accepted.body());

        HttpResponse<String> refused = send(order(order.replace("\"email\":\"test@test.test\",", "")));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("\"Customer.Email\":[\"The Email field is required.\"]"), refused.body());
    }

    private HttpRequest.Builder order(String body) throws Exception {
        return HttpRequest.newBuilder(sandbox("/api/orders")).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void theSandboxTokenEndpointWantsTheDemoCredentialsAsAForm() throws Exception {
        HttpResponse<String> json = send(HttpRequest.newBuilder(sandbox("/connect/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"client_id\":\"demo-client\",\"client_secret\":\"demo-secret\",\"grant_type\":\"client_credentials\"}")));
        assertEquals(400, json.statusCode());
        assertEquals(400, send(form("client_id=demo-client&client_secret=wrong&grant_type=client_credentials")).statusCode());
        assertEquals(401, send(HttpRequest.newBuilder(sandbox("/api/certificates")).GET()).statusCode());
        assertEquals(0, f.calls(postRequestedFor(urlEqualTo("/api/orders"))));
    }

    private String token() throws Exception {
        HttpResponse<String> response = send(form("client_id=demo-client&client_secret=demo-secret&grant_type=client_credentials"));
        assertEquals(200, response.statusCode(), response.body());
        return HttpAnswerJson.field(response.body(), "access_token");
    }

    private HttpRequest.Builder form(String body) {
        return HttpRequest.newBuilder(sandbox("/connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private URI sandbox(String path) {
        return URI.create(f.vektor.baseUrl() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
