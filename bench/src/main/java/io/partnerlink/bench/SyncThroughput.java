package io.partnerlink.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.partnerlink.bench.cases.CouponSyncTable;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sync throughput of sync-coupons: a generated i-bonus sandbox of {@code clients} x 5 coupons where every call
 * takes {@code LATENCY_MS} (WireMock fixed delay), the function's concurrency (8) unchanged, in one Lambda-sized
 * JVM: a warm-up invocation that matches no client, then a full sync into an empty table, then the same sync again,
 * which must write nothing. The bound is what the concurrency allows at that latency: concurrency / (calls per
 * client x latency).
 */
final class SyncThroughput {

    static final int LATENCY_MS = 20;
    static final int CONCURRENCY = 8;
    static final int COUPONS = 5;
    private static final String HANDLER = "io.partnerlink.coupons.CouponSyncHandler";
    private static final String BASELINE = "io.partnerlink.bench.baseline.CouponSyncBaseline";

    private SyncThroughput() {
    }

    static Map<String, Object> run(Path root, Emulators emulators, ChildJvm jvm, Path work, int clients, boolean withBaseline) {
        Map<String, Object> result = new LinkedHashMap<>();
        Path jar = root.resolve("functions/sync-coupons/target/sync-coupons-lambda.jar");
        if (!Files.isRegularFile(jar)) {
            result.put("notMeasured", "sync-coupons has not landed on this branch");
            return result;
        }
        WireMockServer ibonus = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(64).http2PlainDisabled(true).disableRequestJournal()
                .extensions(new GeneratedIbonus(clients, COUPONS)));
        ibonus.start();
        try {
            ibonus.stubFor(WireMock.get(WireMock.urlPathMatching("/ext/api/v1/clients/.*"))
                    .willReturn(WireMock.aResponse().withTransformers(GeneratedIbonus.NAME)));
            ibonus.setGlobalFixedDelay(LATENCY_MS);
            String table = "bench-coupons-" + UUID.randomUUID();
            String baselineTable = "bench-coupons-baseline-" + UUID.randomUUID();
            CouponSyncTable.create(emulators.aws(), table);
            CouponSyncTable.create(emulators.aws(), baselineTable);
            emulators.aws().putSecret("bench/ibonus", "{\"username\":\"demo\",\"password\":\"demo-password\"}");
            Map<String, String> env = new LinkedHashMap<>(emulators.awsEnvironment());
            env.put("AWS_LAMBDA_FUNCTION_NAME", "sync-coupons");
            env.put("IBONUS_BASE_URL", "http://127.0.0.1:" + ibonus.port());
            env.put("IBONUS_SECRET_ID", "bench/ibonus");
            env.put("COUPONS_TABLE", table);
            env.put("BASELINE_COUPONS_TABLE", baselineTable);
            env.put("COUPONS_SYNC_CONCURRENCY", Integer.toString(CONCURRENCY));
            env.put("BENCH_TIMEOUT_MS", "900000"); // the template's timeout for SyncCouponsFunction
            Path events = work.resolve("sync-events.jsonl");
            Files.writeString(events, String.join("\n",
                    "{\"id\":\"bench-warmup-" + UUID.randomUUID() + "\",\"email\":\"nobody@nowhere.example\"}",
                    scheduled(), scheduled()) + "\n");
            Bench.log("sync throughput: the function");
            List<JsonNode> runs = jvm.run(List.of(jar, root.resolve("bench/target/bench-host.jar")), List.of(),
                    "io.partnerlink.bench.host.SequenceHost", List.of(HANDLER, events.toString()), env).report().field("runs").orElseThrow().asArray();
            List<JsonNode> baseline = !withBaseline ? null : jvm.run(List.of(root.resolve("bench/target/baseline-lambda.jar"), root.resolve("bench/target/bench-host.jar")), List.of(),
                    "io.partnerlink.bench.host.SequenceHost", List.of(BASELINE, events.toString()), env).report().field("runs").orElseThrow().asArray();
            if (withBaseline) {
                Bench.log("sync throughput: the framework-free baseline (done)");
            }
            JsonNode first = JsonNode.parser().parse(runs.get(1).field("answer").orElseThrow().asString());
            JsonNode second = JsonNode.parser().parse(runs.get(2).field("answer").orElseThrow().asString());
            double firstMs = Double.parseDouble(runs.get(1).field("ms").orElseThrow().asNumber());
            double secondMs = Double.parseDouble(runs.get(2).field("ms").orElseThrow().asNumber());
            int callsPerClient = 2; // coupons and balance; the client pages add one call per 100 clients
            double bound = CONCURRENCY * 1000.0 / (LATENCY_MS * (callsPerClient + 1.0 / 100));
            result.put("clients", clients);
            result.put("couponsPerClient", COUPONS);
            result.put("latencyMs", LATENCY_MS);
            result.put("concurrency", CONCURRENCY);
            result.put("callsPerClient", "2 + 1/100 (page)");
            result.put("boundClientsPerSecond", bound);
            result.put("firstRunSeconds", firstMs / 1000);
            result.put("firstRunClientsPerSecond", clients / (firstMs / 1000));
            result.put("firstRunWrites", number(first, "writes"));
            result.put("secondRunSeconds", secondMs / 1000);
            result.put("clientsPerSecond", clients / (secondMs / 1000));
            result.put("percentOfBound", 100 * clients / (secondMs / 1000) / bound);
            result.put("secondRunWrites", number(second, "writes"));
            if (baseline != null) {
                double baselineMs = Double.parseDouble(baseline.get(2).field("ms").orElseThrow().asNumber());
                result.put("baselineFirstRunSeconds", Double.parseDouble(baseline.get(1).field("ms").orElseThrow().asNumber()) / 1000);
                result.put("baselineSecondRunSeconds", baselineMs / 1000);
                result.put("baselineClientsPerSecond", clients / (baselineMs / 1000));
            }
            result.put("clientsScanned", List.of(number(first, "clientsScanned"), number(second, "clientsScanned")));
            result.put("complete", List.of(first.field("complete").map(JsonNode::asBoolean).orElse(false),
                    second.field("complete").map(JsonNode::asBoolean).orElse(false)));
            result.put("errors", List.of(first.field("errors").map(e -> e.asArray().size()).orElse(-1),
                    second.field("errors").map(e -> e.asArray().size()).orElse(-1)));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ibonus.stop();
        }
    }

    private static String scheduled() {
        return "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
                + "\"account\":\"000000000000\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"eu-north-1\",\"resources\":[],\"detail\":{}}";
    }

    private static long number(JsonNode node, String field) {
        return node.field(field).map(n -> Long.parseLong(n.asNumber())).orElse(-1L);
    }
}
