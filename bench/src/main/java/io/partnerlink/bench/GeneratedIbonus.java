package io.partnerlink.bench;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An i-bonus.me sandbox of any size without a file per client: a WireMock transformer that writes the client
 * pages, each client's coupons and its balance from the request (deterministic, so a second sync sees no change).
 */
final class GeneratedIbonus implements ResponseDefinitionTransformerV2 {

    static final String NAME = "generated-ibonus";
    static final long FIRST_CLIENT = 1_000_001;
    private static final Pattern CLIENT_PATH = Pattern.compile("/ext/api/v1/clients/(\\d+)/(coupons|balance)/");

    private final int clients;
    private final int couponsPerClient;

    GeneratedIbonus(int clients, int couponsPerClient) {
        this.clients = clients;
        this.couponsPerClient = couponsPerClient;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        var request = serveEvent.getRequest();
        String path = request.getUrl().split("\\?", 2)[0];
        Matcher m = CLIENT_PATH.matcher(path);
        String body;
        if (m.matches()) {
            long id = Long.parseLong(m.group(1));
            body = m.group(2).equals("coupons") ? coupons(id) : "[{\"amount\": " + (id % 1000) + ".50, \"currency\": \"points\"}]";
        } else if (request.queryParameter("email").isPresent() || request.queryParameter("phone").isPresent()) {
            body = "[]";
        } else {
            int offset = Integer.parseInt(request.queryParameter("offset").firstValue());
            int limit = Integer.parseInt(request.queryParameter("limit").firstValue());
            body = page(offset, limit);
        }
        return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but()
                .withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body).build();
    }

    private String page(int offset, int limit) {
        StringBuilder json = new StringBuilder("[");
        for (int i = offset; i < Math.min(clients, offset + limit); i++) {
            long id = FIRST_CLIENT + i;
            json.append(i > offset ? "," : "").append("{\"id\": ").append(id).append(", \"email\": \"client").append(id)
                    .append("@bench.example\", \"phone\": \"79").append(id).append("\", \"name\": \"Client ").append(id).append("\"}");
        }
        return json.append(']').toString();
    }

    private String coupons(long client) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < couponsPerClient; i++) {
            long id = client * 10 + i;
            json.append(i > 0 ? "," : "").append("{\"id\": ").append(id).append(", \"title\": \"Promo ").append(id)
                    .append("\", \"header\": \"Free coffee\", \"shortDescription\": \"<b>One</b> per visit\", \"expireDate\": 1924992000000")
                    .append(", \"token\": \"t").append(id).append("\", \"shareToken\": \"s").append(id)
                    .append("\", \"merchantToken\": \"0").append(id % 100000).append("\", \"merchantShareToken\": \"1").append(id % 100000).append("\"}");
        }
        return json.append(']').toString();
    }
}
