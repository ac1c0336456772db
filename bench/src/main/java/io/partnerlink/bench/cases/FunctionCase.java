package io.partnerlink.bench.cases;

import java.nio.file.Path;
import java.util.Map;

/**
 * One function under benchmark, described in a few lines: its handler, the framework-free baseline doing the same
 * calls, the partner sandbox it needs, its environment and a representative event.
 */
public interface FunctionCase {

    /** The function's name, also its module directory under {@code functions/}. */
    String name();

    String handlerClass();

    String baselineClass();

    /** The sandbox directory under {@code infra/local/sandboxes/}. */
    String partner();

    /** An API Gateway HTTP function (measured warm) rather than a scheduled one. */
    boolean http();

    /** Creates the tables and secrets it needs; returns the environment both the function and the baseline get. */
    Map<String, String> prepare(Setup setup);

    /** A representative event whose idempotency key (or other uniqueness) is {@code unique}. */
    String event(String unique);

    default Path jar(Path root) {
        return root.resolve("functions").resolve(name()).resolve("target").resolve(name() + "-lambda.jar");
    }

    /** What a case may use to prepare itself. */
    interface Setup {
        Path root();

        String sandboxUrl(String partner);

        /** The partner's WireMock, for a bench-only stub next to the project's mappings. */
        com.github.tomakehurst.wiremock.WireMockServer sandbox(String partner);

        void putSecret(String id, String json);

        /** The coupons table's layout (pk, sk, GSI token-index). */
        void createCouponsTable(String name);
    }
}
