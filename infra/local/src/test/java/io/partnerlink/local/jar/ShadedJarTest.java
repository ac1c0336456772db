package io.partnerlink.local.jar;

import io.partnerlink.local.template.FunctionSpec;
import io.partnerlink.local.template.SamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployables as the root pom's shade filters leave them (see its maven-shade-plugin): each function's jar
 * within the 15 MB budget, and nothing filtered away that the jar can still load. Needs the jars built
 * ({@code ./mvnw package}, as the reactor does before this module's tests).
 */
class ShadedJarTest {

    static final Path ROOT = Path.of(System.getProperty("partnerlink.root", "../..")).toAbsolutePath().normalize();
    /** Issue 8's footprint target; MB as bench/ reports it (MiB), the unit of Lambda's own limits. */
    static final long BUDGET_BYTES = 15L * 1024 * 1024;
    /**
     * The packages the filters take classes out of: no kept class may name a class of theirs that is gone. (The SDK
     * as a whole also names optional classes that were never in the jar, e.g. of the CRT or of STS.)
     */
    static final List<String> FILTERED = List.of("com/amazonaws/services/lambda/runtime/events",
            "software/amazon/awssdk/services/dynamodb", "software/amazon/awssdk/services/secretsmanager");

    @TempDir
    Path home;

    @Test
    void everyFunctionJarIsWithinTheBudget() throws IOException {
        for (Path jar : jars()) {
            long size = Files.size(jar);
            assertTrue(size <= BUDGET_BYTES, jar.getFileName() + " is " + size + " bytes, over " + BUDGET_BYTES);
        }
    }

    @Test
    void everyServiceAndBeanTheJarListsIsInIt() throws IOException {
        for (Path jar : jars()) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Set<String> missing = new TreeSet<>();
                int listed = 0;
                for (JarEntry entry : file.stream().toList()) {
                    String name = entry.getName();
                    List<String> classes = new ArrayList<>();
                    if (name.startsWith("META-INF/services/") && !entry.isDirectory()) {
                        classes.addAll(serviceLines(file, entry));
                    } else if (name.startsWith("META-INF/micronaut/") && !entry.isDirectory()) {
                        classes.add(name.substring(name.lastIndexOf('/') + 1)); // Micronaut 4: one file per bean
                    }
                    listed += classes.size();
                    classes.stream().filter(c -> file.getEntry(c.replace('.', '/') + ".class") == null).forEach(missing::add);
                }
                assertTrue(listed > 300, jar.getFileName() + " lists its beans and services: " + listed);
                assertEquals(Set.of(), missing, jar.getFileName() + ": listed but not in the jar");
            }
        }
    }

    @Test
    void noKeptClassNamesAFilteredOne() throws IOException {
        for (Path jar : jars()) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Set<String> stems = stems(file);
                Set<String> dangling = new TreeSet<>();
                for (JarEntry entry : file.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                    byte[] bytes;
                    try (InputStream in = file.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                    for (String prefix : FILTERED) {
                        for (String name : ClassReferences.under(prefix, bytes)) {
                            if (isClassName(name) && !stems.contains(name)) {
                                dangling.add(entry.getName() + " -> " + name);
                            }
                        }
                    }
                }
                assertEquals(Set.of(), dangling, jar.getFileName() + ": names that resolve to nothing in the jar");
            }
        }
    }

    @Test
    void theSdkResolvesRegionalAndOverriddenEndpointsFromTheJar() throws Exception {
        Path jar = jars().get(0);
        List<String> regional = probe(jar, Map.of());
        assertEquals(List.of("GetItemRequest https://dynamodb.eu-north-1.amazonaws.com/ eu-north-1/dynamodb",
                "GetSecretValueRequest https://secretsmanager.eu-north-1.amazonaws.com/ eu-north-1/secretsmanager"), regional);
        List<String> local = probe(jar, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"));
        assertEquals(List.of("GetItemRequest http://127.0.0.1:8000/ eu-north-1/dynamodb",
                "GetSecretValueRequest http://127.0.0.1:4566/ eu-north-1/secretsmanager"), local);
    }

    /** SdkEndpointProbe in a JVM with the jar first on the class path and nothing of this machine's AWS setup. */
    private List<String> probe(Path jar, Map<String, String> endpoints) throws Exception {
        Path classes = Path.of(SdkEndpointProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar + java.io.File.pathSeparator + classes, SdkEndpointProbe.class.getName());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(new HashMap<>(Map.of("HOME", home.toString(), "AWS_REGION", "eu-north-1",
                "AWS_ACCESS_KEY_ID", "AKIDPROBE", "AWS_SECRET_ACCESS_KEY", "probe-secret")));
        env.putAll(endpoints);
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe ends");
        assertEquals(0, process.exitValue(), output);
        return output.lines().filter(l -> l.endsWith("/dynamodb") || l.endsWith("/secretsmanager")).toList();
    }

    /** Classes are CamelCase; lower-case names are packages, resources or logger names. */
    private static boolean isClassName(String name) {
        return Character.isUpperCase(name.charAt(name.lastIndexOf('/') + 1));
    }

    /** What a name may point at: a class, a package, or a resource (a/b/execution.interceptors is a/b/execution). */
    private static Set<String> stems(JarFile file) {
        Set<String> stems = new HashSet<>();
        for (JarEntry entry : file.stream().toList()) {
            String name = entry.getName();
            int dot = name.indexOf('.', name.lastIndexOf('/') + 1);
            stems.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : dot < 0 ? name : name.substring(0, dot));
        }
        return stems;
    }

    private static List<String> serviceLines(JarFile file, JarEntry entry) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
        }
    }

    /** The jar of every function in template.yaml; fails when one is not built, rather than passing without it. */
    static List<Path> jars() throws IOException {
        List<Path> jars = SamTemplate.load(ROOT.resolve("template.yaml"), "eu-north-1").functions().stream()
                .map(FunctionSpec::code).toList();
        assertEquals(4, jars.size(), "the four functions: " + jars);
        jars.forEach(j -> assertTrue(Files.isRegularFile(j), j + " is built (./mvnw -DskipTests package)"));
        return jars;
    }
}
