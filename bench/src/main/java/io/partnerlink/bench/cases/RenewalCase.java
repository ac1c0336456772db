package io.partnerlink.bench.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * renew-domain, on demand: {@code POST /domains/{domain}/renewals} (the sample event). A renewal is once per domain
 * and expiry date, so every invocation names a fresh {@code bench-*.art} domain, which a bench-only stub answers
 * like the sandbox's gallery-one.art (same client, so the sandbox's contacts apply) with a random id.
 */
final class RenewalCase implements FunctionCase {

    private String sample;

    @Override public String name() { return "renew-domain"; }
    @Override public String handlerClass() { return "io.partnerlink.renewal.RenewDomainHandler"; }
    @Override public String baselineClass() { return "io.partnerlink.bench.baseline.RenewalBaseline"; }
    @Override public String partner() { return "art"; }
    @Override public boolean http() { return true; }

    @Override
    public Map<String, String> prepare(Setup setup) {
        setup.putSecret("bench/art", "{\"clientId\":\"demo-client\",\"clientSecret\":\"demo-secret\","
                + "\"username\":\"demo@example.art\",\"password\":\"demo-password\",\"whmcsApiKey\":\"demo-whmcs-key\"}");
        sample = SampleEvents.read(setup.root(), "renew-domain-http.json");
        String page;
        try {
            page = Files.readString(setup.root().resolve("infra/local/sandboxes/art/__files/art/store-domains-gallery-one-page.json"), StandardCharsets.UTF_8)
                    .replace("\"0b1c5a3e-0001-4d6f-9a51-1a2b3c4d5e01\"", "\"{{randomValue type='UUID'}}\"")
                    .replace("\"gallery-one.art\"", "\"{{request.query.domain}}\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        setup.sandbox(partner()).stubFor(get(urlPathEqualTo("/api/v2/store/domains")).atPriority(1)
                .withQueryParam("domain", matching("bench-[0-9a-f]+\\.art"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(page).withTransformers("response-template")));
        return Map.of("ART_BASE_URL", setup.sandboxUrl(partner()) + "/api/v2", "ART_SECRET_ID", "bench/art");
    }

    @Override
    public String event(String unique) {
        String domain = "bench-" + UUID.nameUUIDFromBytes(unique.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "") + ".art";
        return SampleEvents.withKey(sample, unique).replace("gallery-one.art", domain);
    }
}
