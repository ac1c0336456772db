package io.partnerlink.local.jar;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each function's jar is the Micronaut AOT build (root pom execution {@code micronaut-aot}, infra/aot): its generated
 * configurer and static service lists are in it, the properties file they replace is not, and every bean,
 * introspection or loader a list names by string is a class of the jar (a class the shade filters dropped would
 * only fail at start). FunctionJarsServeTest proves the same jars serve requests.
 */
class AotJarTest {

    /** The generated lists that name classes by string, of io.micronaut and of our own code. */
    private static final List<String> NAMED = List.of("io/micronaut", "io/partnerlink");

    @Test
    void everyJarIsTheOptimizedBuildOfItsFunction() throws IOException {
        for (Path jar : ShadedJarTest.jars()) {
            try (JarFile file = new JarFile(jar.toFile())) {
                String loaders = text(file, "META-INF/services/io.micronaut.core.optim.StaticOptimizations$Loader");
                assertTrue(loaders.contains(".aot.StaticServicesLoader"), jar.getFileName() + " loads AOT's static services: " + loaders);
                String configurer = text(file, "META-INF/services/io.micronaut.context.ApplicationContextConfigurer");
                assertTrue(configurer.contains(".aot.AOTApplicationContextConfigurer"), jar.getFileName() + ": " + configurer);
                assertNull(file.getEntry("application.properties"), jar.getFileName() + ": replaced by a generated property source");
            }
        }
    }

    @Test
    void everyClassTheStaticListsNameIsInTheJar() throws IOException {
        for (Path jar : ShadedJarTest.jars()) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Set<String> missing = new TreeSet<>();
                int named = 0;
                for (JarEntry entry : file.stream().filter(e -> e.getName().matches(".*/aot/[A-Za-z]+Factory\\.class")).toList()) {
                    byte[] bytes;
                    try (InputStream in = file.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                    for (String prefix : NAMED) {
                        for (String name : ClassReferences.under(prefix, bytes)) {
                            if (name.contains("$Definition") || name.contains("$Introspection") || name.endsWith("Loader")) {
                                named++;
                                if (file.getEntry(name + ".class") == null) {
                                    missing.add(name);
                                }
                            }
                        }
                    }
                }
                assertTrue(named > 150, jar.getFileName() + ": the static lists name the beans: " + named);
                assertEquals(Set.of(), missing, jar.getFileName() + ": named by Micronaut AOT but not in the jar");
            }
        }
    }

    private static String text(JarFile file, String name) throws IOException {
        JarEntry entry = file.getJarEntry(name);
        assertTrue(entry != null, file.getName() + " has " + name);
        try (InputStream in = file.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
