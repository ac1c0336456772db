package io.partnerlink.shared.art;

import io.micronaut.context.ApplicationContext;
import io.partnerlink.testsupport.PartnerSandbox;

import java.util.HashMap;
import java.util.Map;

/** .ART JSON as the seed documents it, for the client tests. */
final class ArtFixtures {

    static final String CLIENT_ID = "demo-client";
    static final String CLIENT_SECRET = "demo-secret-7f3a";
    static final String WHMCS_KEY = "whmcs-key-91c2";
    static final String SECRET = "{\"clientId\":\"" + CLIENT_ID + "\",\"clientSecret\":\"" + CLIENT_SECRET + "\","
            + "\"username\":\"demo@example.art\",\"password\":\"user-pass-55d1\",\"whmcsApiKey\":\"" + WHMCS_KEY + "\"}";

    static final String ADDRESS = "{\"zip\":\"119602\",\"country\":\"RU\",\"state\":\"Moscow\",\"city\":\"Moscow\","
            + "\"line1\":\"Akademika Anokhina st.\",\"line2\":\"2k7\"}";
    static final String CONTACT = "{\"language\":\"ru\",\"firstname\":\"Max\",\"lastname\":\"Pryakhin\","
            + "\"organization\":\"UKCI Holdings Limited\",\"vat\":\"GB004618015\",\"phone\":\"+7.4952584471\","
            + "\"email\":\"user@example.art\",\"ethereum\":\"0x9e200c2031b04e8a705c0d31325705bb2091b2a7\",\"address\":" + ADDRESS + "}";
    static final String ARTWORK = "{\"title\":\"State of ART\",\"maker\":\"Max Pryakhin\",\"type\":\"Image\",\"subject\":\"DigitalTwin\","
            + "\"period\":\"2019\",\"dimensions\":\"1920x1080\",\"materials\":\"Paint\",\"markings\":\"Signed by maker\","
            + "\"features\":\"First DigitalTwin artwork\",\"reference\":\"0x9e20\"}";

    private ArtFixtures() {
    }

    /** A test context whose .ART client points at {@code art} (path {@code /api/v2}, as in production). */
    static ApplicationContext context(PartnerSandbox art, String secretId, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "micronaut.http.services.art.url", art.baseUrl() + "/api/v2",
                "art.secret-id", secretId,
                "partner.retry.base-delay", "5ms"));
        properties.putAll(extra);
        return ApplicationContext.builder().environments("test").properties(properties).start();
    }

    static String token(String access, String refresh) {
        return "{\"token_type\":\"Bearer\",\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh + "\",\"expires_in\":3600}";
    }

    static String domain(String id, String name, String expiredAt, String... acl) {
        return "{\"_acl\":[" + quoted(acl) + "],\"id\":\"" + id + "\",\"client\":\"c-1\",\"idn\":\"" + name + "\",\"name\":\"" + name + "\","
                + "\"status\":\"active\",\"created_at\":\"2019-07-25T13:18:46+0000\",\"updated_at\":\"2019-07-25T13:18:46+0000\","
                + (expiredAt == null ? "" : "\"expired_at\":\"" + expiredAt + "\",")
                + "\"max_renew\":60,\"nameservers\":[\"ns1.example.art\",\"ns2.example.art\"],"
                + "\"contact\":{\"firstname\":\"Max\",\"lastname\":\"Pryakhin\",\"organization\":\"UKCI\",\"phone\":\"+7.4952584471\","
                + "\"email\":\"user@example.art\",\"address\":" + ADDRESS + "},\"artwork\":" + ARTWORK + "}";
    }

    static String order(String id, String status, String serviceType, String domain) {
        return "{\"_acl\":[\"update\"],\"id\":\"" + id + "\",\"client\":\"c-1\",\"invoice\":\"inv-" + id + "\",\"status\":\"" + status + "\","
                + "\"created_at\":\"2019-07-25T13:18:46+0000\",\"updated_at\":\"2019-07-25T13:18:46+0000\",\"items\":[{\"service_type\":\""
                + serviceType + "\",\"domain\":\"" + domain + "\",\"promo\":\"\",\"quantity\":1,\"period\":12,\"contact\":" + CONTACT
                + ",\"artwork\":" + ARTWORK + "}]}";
    }

    static String page(long total, String... items) {
        return "{\"total\":" + total + ",\"items\":[" + String.join(",", items) + "]}";
    }

    static String quoted(String... values) {
        StringBuilder out = new StringBuilder();
        for (String v : values) {
            out.append(out.isEmpty() ? "" : ",").append('"').append(v).append('"');
        }
        return out.toString();
    }
}
