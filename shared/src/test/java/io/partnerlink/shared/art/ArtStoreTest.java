package io.partnerlink.shared.art;

import io.micronaut.context.ApplicationContext;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.partner.PartnerRejectedException;
import io.partnerlink.shared.problem.FieldError;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.PartnerSandbox;
import io.partnerlink.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.partnerlink.shared.art.ArtFixtures.ARTWORK;
import static io.partnerlink.shared.art.ArtFixtures.CONTACT;
import static io.partnerlink.shared.art.ArtFixtures.domain;
import static io.partnerlink.shared.art.ArtFixtures.order;
import static io.partnerlink.shared.art.ArtFixtures.page;
import static io.partnerlink.shared.art.ArtFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store, contact, order and WHMCS calls against WireMock stubs written from the seed. */
class ArtStoreTest {

    static final String API = "/api/v2";

    final LocalAws aws = LocalAws.get();
    final String secretId = "art-store-" + UUID.randomUUID();
    PartnerSandbox art;
    ApplicationContext context;
    ArtStore store;
    ArtBilling billing;
    Deadline deadline;

    @BeforeEach
    void start() {
        aws.putSecret(secretId, ArtFixtures.SECRET);
        art = PartnerSandbox.start();
        art.wireMock().stubFor(post(urlEqualTo(API + "/auth/token")).willReturn(okJson(token("tok-1", "ref-1"))));
        context = ArtFixtures.context(art, secretId, Map.of());
        store = context.getBean(ArtStore.class);
        billing = context.getBean(ArtBilling.class);
        deadline = Deadline.in(Duration.ofSeconds(20), context.getBean(TestClock.class));
    }

    @AfterEach
    void stop() {
        context.close();
        art.close();
    }

    @Test
    void domainsArePagedUntilTotalAndTimestampsWithAColonLessOffsetParse() {
        art.wireMock().stubFor(get(urlEqualTo(API + "/store/domains?status=active&limit=2&offset=0")).willReturn(okJson(page(3,
                domain("d-1", "one.art", "2030-01-02T03:04:05+0000", "renew"),
                domain("d-2", "two.art", "2030-01-02T03:04:05+0300", "transfer_to_client")))));
        art.wireMock().stubFor(get(urlEqualTo(API + "/store/domains?status=active&limit=2&offset=2")).willReturn(okJson(page(3,
                domain("d-3", "three.art", null, "renew")))));

        List<StoreDomain> all = store.allDomains(ArtStore.DomainQuery.withStatus("active"), 2, deadline);

        assertEquals(List.of("one.art", "two.art", "three.art"), all.stream().map(StoreDomain::name).toList());
        assertEquals(OffsetDateTime.of(2030, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), all.get(0).expiredAt());
        assertEquals(OffsetDateTime.of(2030, 1, 2, 0, 4, 5, 0, ZoneOffset.UTC).toInstant(), all.get(1).expiredAt().toInstant());
        assertNull(all.get(2).expiredAt());
        assertTrue(all.get(0).mayRenew());
        assertFalse(all.get(1).mayRenew());
        assertEquals(60, all.get(0).maxRenew());
        assertEquals("Max", all.get(0).contact().firstname());
        assertEquals("2019-07-25T13:18:46+0000", ArtTimestamps.format(all.get(0).createdAt()));
        assertEquals(2, art.count(getRequestedFor(urlPathEqualTo(API + "/store/domains"))));
    }

    @Test
    void oneDomainByIdAndAnUnknownIdIsEmpty() {
        art.wireMock().stubFor(get(urlEqualTo(API + "/store/domains/d-1")).willReturn(okJson(domain("d-1", "one.art", null, "renew"))));
        art.wireMock().stubFor(get(urlEqualTo(API + "/store/domains/nope")).willReturn(aResponse().withStatus(404)));
        assertEquals("one.art", store.domain("d-1", deadline).orElseThrow().name());
        assertTrue(store.domain("nope", deadline).isEmpty());
    }

    @Test
    void autorenewIsTurnedOnWithPutAndOffWithDelete() {
        art.wireMock().stubFor(put(urlEqualTo(API + "/store/domains/d-1/autorenew")).willReturn(aResponse().withStatus(204)));
        art.wireMock().stubFor(delete(urlEqualTo(API + "/store/domains/d-1/autorenew")).willReturn(aResponse().withStatus(204)));
        store.enableAutorenew("d-1", deadline);
        store.disableAutorenew("d-1", deadline);
        assertEquals(1, art.count(putRequestedFor(urlEqualTo(API + "/store/domains/d-1/autorenew")).withHeader("Authorization", equalTo("Bearer tok-1"))));
        assertEquals(1, art.count(deleteRequestedFor(urlEqualTo(API + "/store/domains/d-1/autorenew"))));
    }

    @Test
    void contactsAreListedByClientAndReadOne() {
        String contact = "{\"_acl\":[\"update\"],\"id\":\"k-1\",\"client\":\"c-1\",\"status\":\"verified\",\"created_at\":\"2019-07-25T13:18:46+0000\","
                + "\"updated_at\":\"2019-07-25T13:18:46+0000\"," + CONTACT.substring(1);
        art.wireMock().stubFor(get(urlEqualTo(API + "/store/contacts?client=c-1&limit=100&offset=0")).willReturn(okJson(page(1, contact))));
        art.wireMock().stubFor(get(urlEqualTo(API + "/store/contacts/k-1")).willReturn(okJson(contact)));
        art.wireMock().stubFor(get(urlPathEqualTo(API + "/store/contacts/statuses")).willReturn(okJson(page(2, "\"verified\"", "\"unverified\""))));

        StoreContact listed = store.contacts("c-1", null, 100, 0, deadline).items().get(0);
        assertEquals("verified", listed.status());
        OrderContact full = listed.toOrderContact();
        assertTrue(full.isComplete());
        assertEquals("GB004618015", full.vat());
        assertEquals("k-1", store.contact("k-1", deadline).orElseThrow().id());
        assertEquals(List.of("verified", "unverified"), store.contactStatuses(deadline).items());
    }

    @Test
    void ordersAreListedWithFiltersAndReadOne() {
        art.wireMock().stubFor(get(urlEqualTo(API + "/store/orders?domain=one.art&status=unpaid&limit=50&offset=0"))
                .willReturn(okJson(page(1, order("o-1", "unpaid", "certificate_renewal", "one.art")))));
        art.wireMock().stubFor(get(urlEqualTo(API + "/store/orders/o-1")).willReturn(okJson(order("o-1", "unpaid", "certificate_renewal", "one.art"))));

        List<StoreOrder> open = store.allOrders(ArtStore.OrderQuery.forDomain("one.art", OrderStatus.UNPAID), 50, deadline);
        assertEquals(1, open.size());
        assertTrue(open.get(0).hasLine("certificate_renewal", "one.art"));
        assertFalse(open.get(0).hasLine("certificate_registration", "one.art"));
        StoreOrder one = store.order("o-1", deadline).orElseThrow();
        assertEquals("inv-o-1", one.invoice());
        assertEquals("Image", one.items().get(0).artwork().get("type").getStringValue());
    }

    @Test
    void everyServiceTypeIsSentWithExactlyTheFieldsOfItsShape() {
        art.wireMock().stubFor(post(urlEqualTo(API + "/store/orders")).willReturn(okJson("{\"id\":\"o-9\"}")));
        OrderContact contact = new OrderContact("ru", "Max", "Pryakhin", "UKCI Holdings Limited", "GB004618015", "+7.4952584471",
                "user@example.art", "0x9e200c2031b04e8a705c0d31325705bb2091b2a7",
                new Address("119602", "RU", "Moscow", "Moscow", "Akademika Anokhina st.", "2k7"));
        Artwork artwork = new Artwork("State of ART", "Max Pryakhin", "Image", "DigitalTwin", "2019", "1920x1080", "Paint",
                "Signed by maker", "First DigitalTwin artwork", "0x9e20");

        assertEquals("o-9", store.createOrder(NewOrder.of(new OrderItem.CertificateRenewal("example.art", "", 12, contact))));
        store.createOrder(NewOrder.of(new OrderItem.CertificateRegistration("example.art", "BANANA", contact, artwork)));
        store.createOrder(NewOrder.of(new OrderItem.CertificateRegistration("example.art", "BANANA", contact, null)));
        store.createOrder(NewOrder.of(new OrderItem.DomainReserve("example.art", "BANANA", contact, artwork)));
        store.createOrder(NewOrder.of(new OrderItem.NftMinting("example.art", "BANANA", "0x9e20", contact)));
        store.createOrder(NewOrder.of(new OrderItem.DomainAttachment("example.art", "BANANA", contact, "1025462083198052")));

        String c = ",\"contact\":" + CONTACT;
        for (String item : List.of(
                "{\"service_type\":\"certificate_renewal\",\"domain\":\"example.art\",\"promo\":\"\",\"period\":12" + c + "}",
                "{\"service_type\":\"certificate_registration\",\"domain\":\"example.art\",\"promo\":\"BANANA\"" + c + ",\"artwork\":" + ARTWORK + "}",
                "{\"service_type\":\"certificate_registration\",\"domain\":\"example.art\",\"promo\":\"BANANA\"" + c + "}",
                "{\"service_type\":\"domain_reserve\",\"domain\":\"example.art\",\"promo\":\"BANANA\"" + c + ",\"artwork\":" + ARTWORK + "}",
                "{\"service_type\":\"nft_minting\",\"domain\":\"example.art\",\"promo\":\"BANANA\",\"wallet\":\"0x9e20\"" + c + "}",
                "{\"service_type\":\"domain_attachment\",\"domain\":\"example.art\",\"promo\":\"BANANA\"" + c + ",\"artwork\":\"1025462083198052\"}")) {
            assertEquals(1, art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))
                    .withHeader("Authorization", equalTo("Bearer tok-1"))
                    .withRequestBody(equalToJson("{\"items\":[" + item + "]}"))), item);
        }
    }

    @Test
    void aValidationErrorBecomesFieldErrorsAndAFailedCreateIsNotRetried() {
        art.wireMock().stubFor(post(urlEqualTo(API + "/store/orders")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"validation_error\",\"messages\":[{\"path\":\"$.items[0].period\",\"message\":\"Too long\"},"
                        + "{\"path\":\"$\",\"message\":\"Bad order\"},{\"message\":\"No path\"}]}")));
        OrderContact contact = new OrderContact("ru", "A", "B", "", "", "+1.5", "a@b.art", "", new Address("1", "RU", "", "C", "L", ""));

        PartnerRejectedException e = assertThrows(PartnerRejectedException.class,
                () -> store.createOrder(NewOrder.of(new OrderItem.CertificateRenewal("example.art", "", 240, contact))));
        assertEquals(422, e.status());
        assertEquals("validation_error", e.partnerMessage());
        assertEquals(List.of(new FieldError("items[0].period", "Too long"), new FieldError("body", "Bad order"),
                new FieldError("body", "No path")), e.fieldErrors());
        assertEquals("art refused with HTTP 422 validation_error: items[0].period Too long; body Bad order; body No path",
                ArtErrors.describe(e));

        art.wireMock().stubFor(post(urlEqualTo(API + "/store/orders")).willReturn(aResponse().withStatus(503)));
        assertThrows(RuntimeException.class,
                () -> store.createOrder(NewOrder.of(new OrderItem.CertificateRenewal("example.art", "", 12, contact))));
        assertEquals(2, art.count(postRequestedFor(urlEqualTo(API + "/store/orders"))));
    }

    @Test
    void whmcsInvoiceCallsUseTheApiKeyAndNoBearerToken() {
        String invoice = "{\"_acl\":[\"pay\"],\"id\":12345,\"client\":777,\"status\":\"unpaid\",\"created_at\":\"2019-07-25T13:18:46+0000\","
                + "\"items\":[{\"description\":\"Domain Registration - example.art, 3 year/s\",\"price\":{\"amount\":18.99,\"currency\":\"USD\"}}],"
                + "\"subtotal\":{\"amount\":18.99,\"currency\":\"USD\"},\"credit\":{\"amount\":0,\"currency\":\"USD\"},"
                + "\"tax\":{\"rate\":23,\"amount\":4.36,\"currency\":\"USD\"},\"total\":{\"amount\":18.99,\"currency\":\"USD\"}}";
        art.wireMock().stubFor(get(urlEqualTo(API + "/whmcs/orders/12345/invoice")).willReturn(okJson(invoice)));
        art.wireMock().stubFor(post(urlEqualTo(API + "/whmcs/orders/12345/invoice/pay")).willReturn(okJson("{\"id\":555}")));

        WhmcsInvoice read = billing.invoice(12345, deadline);
        assertTrue(read.mayPay());
        assertEquals(new BigDecimal("18.99"), read.total().amount());
        assertEquals(new BigDecimal("4.36"), read.tax().amount());
        assertNull(read.paidAt());
        long payment = billing.pay(12345, new InvoicePayment("38486450", "93187370",
                new InvoicePayment.Card("CREDIT", "VISA", "1111", "Max Pryakhin"), new Money(new BigDecimal("18.99"), "USD")));
        assertEquals(555, payment);

        assertEquals(1, art.count(getRequestedFor(urlEqualTo(API + "/whmcs/orders/12345/invoice"))
                .withHeader("X-API-Key", equalTo(ArtFixtures.WHMCS_KEY)).withHeader("Authorization", absent())));
        assertEquals(1, art.count(postRequestedFor(urlEqualTo(API + "/whmcs/orders/12345/invoice/pay"))
                .withHeader("X-API-Key", equalTo(ArtFixtures.WHMCS_KEY)).withRequestBody(equalToJson(
                        "{\"transaction\":\"38486450\",\"payer\":\"93187370\",\"card\":{\"type\":\"CREDIT\",\"system\":\"VISA\","
                                + "\"number\":\"1111\",\"cardholder\":\"Max Pryakhin\"},\"price\":{\"amount\":18.99,\"currency\":\"USD\"}}"))));
        assertEquals(0, art.count(postRequestedFor(urlEqualTo(API + "/auth/token"))));
    }
}
