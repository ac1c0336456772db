package io.partnerlink.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Footprint: the shaded jar's size and the classes loaded up to the first response, counted from one extra cold
 * start with {@code -Xlog:class+load} (the host loads its marker class right after the response), grouped by
 * library so the difference to the baseline has names.
 */
final class Footprint {

    private final ChildJvm jvm;

    Footprint(ChildJvm jvm) {
        this.jvm = jvm;
    }

    Map<String, Object> measure(Subject subject) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("jarMb", size(subject.functionJar()));
        result.put("baselineJarMb", size(subject.baselineJar()));
        Map<String, Integer> function = classes(subject, true);
        Map<String, Integer> baseline = classes(subject, false);
        result.put("classes", function.get("total"));
        result.put("baselineClasses", baseline.get("total"));
        result.put("classesByLibrary", function);
        result.put("baselineClassesByLibrary", baseline);
        return result;
    }

    private static double size(Path jar) {
        try {
            return Files.size(jar) / 1024.0 / 1024.0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Integer> classes(Subject subject, boolean function) {
        try {
            Path log = Files.createTempFile(subject.work(), "classload-", ".log");
            ChildJvm.Outcome outcome = jvm.run(function ? subject.functionClasspath() : subject.baselineClasspath(),
                    List.of("-Xlog:class+load=info:file=" + log),
                    "io.partnerlink.bench.host.ColdHost",
                    List.of(function ? subject.fn().handlerClass() : subject.fn().baselineClass(),
                            subject.events("footprint", 1).toString()),
                    subject.env());
            Answers.require(outcome, subject.fn().name() + " footprint run");
            return count(Files.readAllLines(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines are {@code [decorations] <class name> source: ...}; everything before the marker class was loaded before the response. */
    static Map<String, Integer> count(List<String> lines) {
        Map<String, Integer> byLibrary = new TreeMap<>();
        int total = 0;
        for (String line : lines) {
            String name = line.replaceFirst("^(\\[[^]]*])+\\s*", "").trim().split(" ", 2)[0];
            if (name.equals("io.partnerlink.bench.host.ResponseMarker")) {
                break;
            }
            if (name.isEmpty() || name.startsWith("io.partnerlink.bench.host.")) {
                continue;
            }
            byLibrary.merge(library(name), 1, Integer::sum);
            total++;
        }
        Map<String, Integer> result = new LinkedHashMap<>();
        result.put("total", total);
        result.putAll(byLibrary);
        return result;
    }

    static String library(String className) {
        String[][] prefixes = {
                {"java.", "jdk"}, {"jdk.", "jdk"}, {"sun.", "jdk"}, {"com.sun.", "jdk"}, {"javax.", "jdk"},
                {"io.micronaut.", "micronaut"}, {"software.amazon.awssdk.", "aws-sdk"},
                {"com.amazonaws.", "aws-lambda-java"}, {"com.fasterxml.", "jackson"},
                {"ch.qos.logback.", "logging"}, {"org.slf4j.", "logging"}, {"io.partnerlink.", "partnerlink"},
                {"jakarta.", "jakarta"}, {"org.reactivestreams.", "reactive-streams"}, {"reactor.", "reactor"},
                {"org.crac.", "crac"},
        };
        for (String[] p : prefixes) {
            if (className.startsWith(p[0])) {
                return p[1];
            }
        }
        return "other";
    }
}
