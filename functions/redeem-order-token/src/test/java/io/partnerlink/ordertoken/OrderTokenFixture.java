package io.partnerlink.ordertoken;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.micronaut.context.ApplicationContext;
import io.partnerlink.testsupport.ShippedJar;
import io.partnerlink.testsupport.ApiEvents;
import io.partnerlink.testsupport.FunctionInvoker;
import io.partnerlink.testsupport.HttpAnswer;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.PartnerSandbox;
import io.partnerlink.testsupport.TestLambdaContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * One real handler wired to real parts: DynamoDB Local (a fresh idempotency table), moto (the Vitec and webhook
 * secrets) and a WireMock Vitec. Retry pauses are shortened through properties; the read timeout stays roomy
 * (a busy CI machine can be slow to answer the first call) except where a test is about timeouts.
 */
public final class OrderTokenFixture implements AutoCloseable {

    public static final String ROUTE_PATH = "/vitec/order-tokens";
    public static final String VITEC_PASSWORD = "vitec-pw-" + UUID.randomUUID();
    public static final String SIGNING_SECRET = "signing-" + UUID.randomUUID();

    public final LocalAws aws = LocalAws.get();
    public final PartnerSandbox vitec;
    public final String table = "idem-ot-" + UUID.randomUUID();
    public final String vitecSecretId = "vitec/" + UUID.randomUUID();
    public final String webhookSecretId = "webhook/" + UUID.randomUUID();
    public final ApplicationContext context;
    /** The handler from target/classes, or from the shipped jar when {@link ShippedJar#selected()}. */
    public final RequestStreamHandler handler;

    /** Signature check on, Vitec stubbed by each test. */
    public OrderTokenFixture() {
        this(PartnerSandbox.start(), true, Map.of());
    }

    public OrderTokenFixture(PartnerSandbox vitec, boolean signed, Map<String, Object> extra) {
        this.vitec = vitec;
        aws.createIdempotencyTable(table);
        aws.putSecret(vitecSecretId, "{\"username\":\"partnerlink\",\"password\":\"" + VITEC_PASSWORD + "\"}");
        aws.putSecret(webhookSecretId, "{\"signingSecret\":\"" + SIGNING_SECRET + "\"}");
        Map<String, Object> properties = new HashMap<>(Map.of(
                "idempotency.table", table,
                "idempotency.local-cache-max-items", "0",
                "vitec.base-url", vitec.baseUrl(),
                "vitec.secret-id", vitecSecretId,
                "vitec.read-timeout", "3s",
                "webhook.secret-id", signed ? webhookSecretId : "",
                "partner.retry.max-attempts", "3",
                "partner.retry.base-delay", "5ms",
                "partner.retry.max-delay", "20ms"));
        properties.putAll(extra);
        context = ApplicationContext.builder().environments("test").properties(properties).start();
        handler = ShippedJar.selected() ? ShippedJar.handler(OrderTokenHandler.class, properties) : new OrderTokenHandler(context);
    }

    public static String body(String customerId, String token) {
        return "{\"customerId\":\"" + customerId + "\",\"token\":\"" + token + "\"}";
    }

    public void stub(MappingBuilder mapping) {
        vitec.wireMock().stubFor(mapping);
    }

    /** For tests about what happens before Vitec: a ticket for any token, so a call that slips through succeeds. */
    public void answerAnyTokenWithATicketOfM100() {
        stub(post(urlPathMatching("/Service/Order/Token/.*"))
                .willReturn(okJson("{\"orderId\":\"O-1\",\"customerId\":\"M100\",\"hasExpired\":false}")));
    }

    /** A delivery signed now with the configured secret. */
    public HttpAnswer deliver(String body) {
        return send(signedEvent(body, SIGNING_SECRET, now()));
    }

    /** The route has no authorizer in API Gateway, so its events carry no authorizer context. */
    public ApiEvents signedEvent(String body, String secret, long timestamp) {
        return ApiEvents.request("POST", ROUTE_PATH).noCaller()
                .header("X-Timestamp", Long.toString(timestamp))
                .header("X-Signature", "sha256=" + hmac(secret, timestamp + "." + body))
                .json(body);
    }

    public HttpAnswer send(ApiEvents event) {
        return HttpAnswer.parse(FunctionInvoker.invoke(handler, event.toJson(), TestLambdaContext.of("redeem-order-token")));
    }

    public long now() {
        return context.getBean(java.time.Clock.class).instant().getEpochSecond();
    }

    public int vitecCalls() {
        return vitec.count(postRequestedFor(anyUrl()));
    }

    public int records() {
        return aws.scan(table).size();
    }

    /** Written here again, not taken from the code under test, so a wrong scheme there cannot pass. */
    public static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        ShippedJar.close(handler, context);
        vitec.close();
    }
}
