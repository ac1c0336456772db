package io.partnerlink.shared.partner;

import io.micronaut.context.ApplicationContext;
import io.partnerlink.shared.art.ArtApi;
import io.partnerlink.shared.ibonus.IbonusApi;
import io.partnerlink.shared.vektor.VektorApi;
import io.partnerlink.shared.vitec.VitecApi;
import io.partnerlink.shared.vitec.OrderToken;
import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every partner's base URL may carry a path: each declarative client's calls land under it. */
class ServiceBaseUrlTest {

    PartnerSandbox sandbox;
    ApplicationContext context;

    @BeforeEach
    void start() {
        sandbox = PartnerSandbox.start();
        sandbox.wireMock().stubFor(any(anyUrl()).willReturn(notFound()));
        String base = sandbox.baseUrl();
        context = ApplicationContext.run(Map.of(
                "micronaut.http.services.vektor.url", base + "/gateway/vektor",
                "micronaut.http.services.vitec.url", base + "/gateway/vitec/",
                "micronaut.http.services.ibonus.url", base + "/gateway/ibonus",
                "micronaut.http.services.art.url", base + "/api/v2"));
    }

    @AfterEach
    void stop() {
        context.close();
        sandbox.close();
    }

    @Test
    void vektorCallsKeepTheBasePath() {
        sandbox.wireMock().stubFor(get(urlPathEqualTo("/gateway/vektor/api/certificates")).willReturn(okJson("[]")));
        assertEquals(200, context.getBean(VektorApi.class).certificates("Bearer t").code());
        assertEquals(1, sandbox.count(getRequestedFor(urlPathEqualTo("/gateway/vektor/api/certificates"))));
    }

    @Test
    void vitecCallsKeepTheBasePath() {
        assertNull(context.getBean(VitecApi.class).orderTicket("C1", new OrderToken("tok"), "Basic x"), "a 404 reads as null");
        assertEquals(1, sandbox.count(postRequestedFor(urlPathEqualTo("/gateway/vitec/Service/Order/Token/C1"))));
    }

    @Test
    void ibonusCallsKeepTheBasePath() {
        sandbox.wireMock().stubFor(get(urlPathEqualTo("/gateway/ibonus/ext/api/v1/clients/")).willReturn(okJson("[]")));
        assertEquals("[]", context.getBean(IbonusApi.class).clients("Bearer t", null, null, 0, 10).body());
        assertEquals(1, sandbox.count(getRequestedFor(urlPathEqualTo("/gateway/ibonus/ext/api/v1/clients/"))));
    }

    @Test
    void artCallsKeepTheBasePath() {
        assertNull(context.getBean(ArtApi.class).domain("Bearer t", "example.art"), "a 404 reads as null");
        assertEquals(1, sandbox.count(getRequestedFor(urlPathEqualTo("/api/v2/store/domains/example.art"))));
        assertEquals(1, sandbox.count(anyRequestedFor(anyUrl())), "nothing reached the host's root");
    }
}
