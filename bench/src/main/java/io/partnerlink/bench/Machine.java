package io.partnerlink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The machine a run happened on (every figure names it) and the JDK the child JVMs use. */
record Machine(int cpus, String cpuModel, String memory, Path javaHome, String javaVersion) {

    static Machine detect() {
        Path javaHome = findJavaHome();
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemory(), javaHome, release(javaHome, "JAVA_RUNTIME_VERSION")
                .or(() -> release(javaHome, "JAVA_VERSION")).orElse("?") + " (" + release(javaHome, "IMPLEMENTOR").orElse("?") + ")");
    }

    Path java() {
        return javaHome.resolve("bin/java");
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("nproc", cpus);
        map.put("cpu", cpuModel);
        map.put("memory", memory);
        map.put("jdk", javaVersion);
        map.put("javaHome", javaHome.toString());
        map.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return map;
    }

    /**
     * BENCH_JAVA_HOME, else the lowest JDK >= 21 under /usr/lib/jvm (Lambda's java21 runtime is JDK 21; where only
     * 17 and 25 are installed, 25 is used and the report says so).
     */
    private static Path findJavaHome() {
        String override = System.getenv("BENCH_JAVA_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(p -> Files.isExecutable(p.resolve("bin/java")))
                    .filter(p -> feature(p) >= 21)
                    .min(Comparator.comparingInt(Machine::feature))
                    .orElseGet(() -> Path.of(System.getProperty("java.home")));
        } catch (IOException e) {
            return Path.of(System.getProperty("java.home"));
        }
    }

    private static int feature(Path javaHome) {
        return release(javaHome, "JAVA_VERSION").map(v -> {
            String major = v.split("[.+-]")[0];
            try {
                return Integer.parseInt(major);
            } catch (NumberFormatException e) {
                return 0;
            }
        }).orElse(0);
    }

    private static Optional<String> release(Path javaHome, String key) {
        try {
            return Files.readAllLines(javaHome.resolve("release")).stream()
                    .filter(l -> l.startsWith(key + "="))
                    .map(l -> l.substring(key.length() + 1).replace("\"", ""))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String readMemory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB").findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
