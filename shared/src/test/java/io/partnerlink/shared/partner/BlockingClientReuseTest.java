package io.partnerlink.shared.partner;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClientRegistry;
import io.micronaut.http.client.annotation.Client;
import io.partnerlink.testsupport.PartnerSandbox;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blocking calls through a declarative client share one JDK HTTP client instead of building one per call. */
class BlockingClientReuseTest {

    @Client(id = "reuse-probe")
    interface ProbeApi {
        @Get("/ping")
        String ping();
    }

    @Test
    void manyBlockingCallsStartAtMostOneJdkClient() {
        try (PartnerSandbox partner = PartnerSandbox.start();
             ApplicationContext context = ApplicationContext.builder().environments("test")
                     .properties(Map.of("micronaut.http.services.reuse-probe.url", partner.baseUrl())).start()) {
            partner.wireMock().stubFor(get(urlEqualTo("/ping")).willReturn(aResponse().withStatus(200).withBody("pong")));
            ProbeApi api = context.getBean(ProbeApi.class);
            assertEquals("pong", api.ping()); // the first call builds the client
            long before = selectorThreads();

            for (int i = 0; i < 20; i++) {
                assertEquals("pong", api.ping());
            }

            assertEquals(21, partner.count(getRequestedFor(urlEqualTo("/ping"))));
            assertTrue(selectorThreads() - before <= 0, "no new JDK HTTP client per call");
            assertInstanceOf(BlockingClientReuse.class, context.getBean(HttpClientRegistry.class));
        }
    }

    /** Each java.net.http.HttpClient runs one selector thread, named HttpClient-N-SelectorManager. */
    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("HttpClient-") && t.getName().endsWith("SelectorManager"))
                .count();
    }
}
