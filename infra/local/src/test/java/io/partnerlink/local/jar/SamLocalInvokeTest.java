package io.partnerlink.local.jar;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerlink.local.LocalRunner;
import io.partnerlink.local.RunnerOptions;
import io.partnerlink.local.aws.LocalResources;
import io.partnerlink.local.function.InvokeResult;
import io.partnerlink.local.function.LocalEndpoints;
import io.partnerlink.local.template.FunctionSpec;
import io.partnerlink.local.template.SamTemplate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's {@code sam local invoke} recipes, without Docker (see {@link SamLocalInvoke}): every sample event of
 * infra/events goes through its function's jar, with the environment SAM CLI would give the container from
 * {@code infra/env.json} (infra/local/start's DynamoDB Local, moto and sandboxes) and from
 * {@code infra/env.localstack.json} (one endpoint for every AWS API, here a moto_server holding the tables and
 * secrets as init.sh puts them into LocalStack), and gets the answer infra/events/README.md documents, as is and,
 * for webhook samples, after {@code infra/events/sign}. Then {@code sam build}'s Makefile targets, run as SAM runs
 * them.
 */
class SamLocalInvokeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = ShadedJarTest.ROOT;
    /** The base port the env files were written for: infra/local/start's default PORT. */
    private static final int START_PORT = 3000;
    private static final int LOCALSTACK_PORT = 4566;

    @TempDir
    Path work;

    @Test
    void everySampleEventGetsItsDocumentedAnswerWithEitherEnvFile() throws Exception {
        ShadedJarTest.jars();
        DocumentedAnswers answers = DocumentedAnswers.read(ROOT.resolve("infra/events/README.md"));
        try (Stream<Path> files = Files.list(ROOT.resolve("infra/events"))) {
            List<String> events = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
            assertEquals(events, answers.rows().stream().map(DocumentedAnswers.Row::event).distinct().sorted().toList(),
                    "infra/events/README.md documents every sample event");
        }
        RunnerOptions options = RunnerOptions.forRepository(ROOT, 0, "eu-north-1").withWorkDir(work, null).withEager(false);
        try (LocalRunner runner = LocalRunner.create(options).start()) {
            LocalEndpoints local = runner.endpoints();
            Map<Integer, URI> startPorts = new HashMap<>();
            startPorts.put(START_PORT + RunnerOptions.DYNAMODB_OFFSET, local.dynamoDb());
            startPorts.put(START_PORT + RunnerOptions.MOTO_OFFSET, local.moto());
            List<String> partners = new ArrayList<>(local.sandboxes().keySet());
            for (int i = 0; i < partners.size(); i++) {
                startPorts.put(START_PORT + RunnerOptions.SANDBOX_OFFSET + i, local.sandboxes().get(partners.get(i)));
            }
            try (SamLocalInvoke sam = new SamLocalInvoke(runner.template(), envFile("infra/env.json"), startPorts)) {
                assertAnswers("env.json", sam, answers);
            }

            // LocalStack stand-in: moto serves DynamoDB too, so every AWS API is behind the one endpoint.
            new LocalResources(local.moto(), local.moto(), "eu-north-1").createTables(runner.template().tables());
            Map<Integer, URI> localstackPorts = new HashMap<>(startPorts);
            localstackPorts.keySet().removeIf(port -> port < START_PORT + RunnerOptions.SANDBOX_OFFSET);
            localstackPorts.put(LOCALSTACK_PORT, local.moto());
            try (SamLocalInvoke sam = new SamLocalInvoke(runner.template(), envFile("infra/env.localstack.json"), localstackPorts)) {
                assertAnswers("env.localstack.json", sam, answers);
            }
        }
    }

    private void assertAnswers(String envName, SamLocalInvoke sam, DocumentedAnswers answers) throws Exception {
        for (DocumentedAnswers.Row row : answers.rows()) {
            Path event = ROOT.resolve("infra/events").resolve(row.event());
            if (row.asIs() != null) {
                answer(envName, sam, row, row.asIs(), Files.readAllBytes(event), "as is");
            }
            if (row.signed() != null) {
                answer(envName, sam, row, row.signed(), signNow(event), "signed now");
            }
        }
    }

    private static void answer(String envName, SamLocalInvoke sam, DocumentedAnswers.Row row, String expected,
                               byte[] event, String how) throws IOException {
        String what = envName + ": " + row.event() + " " + how + " -> " + row.function();
        InvokeResult result = sam.invoke(row.function(), event);
        assertEquals(InvokeResult.Kind.OK, result.kind(), what + ": " + result.detail());
        DocumentedAnswers.check(what, expected, result.output());
    }

    /** The README's command: infra/events/sign EVENT (python3), its output as the event. */
    private static byte[] signNow(Path event) throws Exception {
        Process sign = new ProcessBuilder("python3", ROOT.resolve("infra/events/sign").toString(), event.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] signed = sign.getInputStream().readAllBytes();
        assertTrue(sign.waitFor(30, TimeUnit.SECONDS), "infra/events/sign did not finish");
        assertEquals(0, sign.exitValue(), "infra/events/sign " + event.getFileName());
        return signed;
    }

    private static Map<String, Map<String, String>> envFile(String path) throws IOException {
        return JSON.readValue(ROOT.resolve(path).toFile(), new TypeReference<>() { });
    }

    /**
     * sam build's step for each function, as aws-lambda-builders' makefile workflow runs it (in source: make
     * build-LOGICALID with ARTIFACTS_DIR), its Maven run stubbed (the reactor built the jars): each artifacts folder
     * holds exactly the function's CodeUri jar under lib/, where Lambda's Java runtime loads jars from.
     */
    @Test
    void samBuildTargetsPutEachFunctionJarIntoLib() throws Exception {
        Assumptions.assumeTrue(Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "make"))),
                "make is not on the PATH");
        ShadedJarTest.jars();
        StringBuilder outputs = new StringBuilder();
        for (FunctionSpec function : SamTemplate.load(ROOT.resolve("template.yaml"), "eu-north-1").functions()) {
            Path artifacts = Files.createDirectories(work.resolve(function.logicalId()));
            Process make = new ProcessBuilder("make", "--no-print-directory", "build-" + function.logicalId(),
                    "ARTIFACTS_DIR=" + artifacts, "MVNW=echo ./mvnw", "STAMP=" + work.resolve("jars.stamp"))
                    .directory(ROOT.toFile()).redirectErrorStream(true).start();
            String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(make.waitFor(60, TimeUnit.SECONDS), "make did not finish");
            assertEquals(0, make.exitValue(), "make build-" + function.logicalId() + ":\n" + output);
            outputs.append(output);
            Path jar = artifacts.resolve("lib").resolve(function.code().getFileName());
            try (Stream<Path> built = Files.walk(artifacts)) {
                assertEquals(List.of(jar), built.filter(Files::isRegularFile).toList(), function.logicalId());
            }
            assertArrayEquals(Files.readAllBytes(function.code()), Files.readAllBytes(jar), function.logicalId());
        }
        assertEquals(1, outputs.toString().lines().filter(l -> l.startsWith("./mvnw ") && l.contains(" package ")).count(),
                "one Maven run for the four functions:\n" + outputs);
    }
}
