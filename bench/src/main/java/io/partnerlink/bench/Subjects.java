package io.partnerlink.bench;

import io.partnerlink.bench.cases.FunctionCase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;

/** Whether a case can run here, and its environment once its tables, secrets and sandbox are set up. */
final class Subjects {

    private Subjects() {
    }

    /** Why the case cannot be measured (its function has not landed), or null. */
    static String absence(FunctionCase fn, Path root, Emulators emulators) {
        Path jar = fn.jar(root);
        if (!Files.isRegularFile(jar)) {
            return "no shaded jar " + root.relativize(jar) + " (function not on this branch yet)";
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.getEntry(fn.handlerClass().replace('.', '/') + ".class") == null) {
                return "handler " + fn.handlerClass() + " not in " + root.relativize(jar) + " (function not on this branch yet)";
            }
        } catch (IOException e) {
            return "unreadable jar " + jar + ": " + e.getMessage();
        }
        if (!emulators.hasSandbox(fn.partner())) {
            return "no sandbox mappings under " + root.relativize(emulators.sandboxDir(fn.partner()));
        }
        return null;
    }

    static Map<String, String> environment(FunctionCase fn, Emulators emulators) {
        Map<String, String> env = new LinkedHashMap<>(emulators.awsEnvironment());
        env.put("AWS_LAMBDA_FUNCTION_NAME", fn.name());
        Bench.log(fn.name() + ": sandbox " + emulators.sandboxUrl(fn.partner()) + ", DynamoDB " + env.get("AWS_ENDPOINT_URL_DYNAMODB")
                + ", Secrets Manager " + env.get("AWS_ENDPOINT_URL_SECRETS_MANAGER"));
        env.putAll(fn.prepare(new FunctionCase.Setup() {
            @Override
            public Path root() {
                return emulators.root();
            }

            @Override
            public String sandboxUrl(String partner) {
                return emulators.sandboxUrl(partner);
            }

            @Override
            public com.github.tomakehurst.wiremock.WireMockServer sandbox(String partner) {
                return emulators.sandbox(partner);
            }

            @Override
            public void putSecret(String id, String json) {
                emulators.aws().putSecret(id, json);
            }

            @Override
            public void createCouponsTable(String name) {
                io.partnerlink.bench.cases.CouponSyncTable.create(emulators.aws(), name);
            }
        }));
        return env;
    }
}
