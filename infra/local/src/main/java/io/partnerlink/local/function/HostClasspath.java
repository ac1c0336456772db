package io.partnerlink.local.function;

import com.amazonaws.services.lambda.runtime.Context;
import io.partnerlink.local.host.FunctionHost;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath of a function host, in Lambda's order: the function's code first (its shaded jar, or a folder
 * with classes and {@code lib/*.jar}), then the host classes and aws-lambda-java-core, which Lambda's Java
 * runtime provides as well. Taken from where this JVM loaded them, so it works from a jar and from a build folder.
 */
public record HostClasspath(Path java, Path hostClasses, Path lambdaCore) {

    public static HostClasspath ofThisJvm() {
        return new HostClasspath(Path.of(System.getProperty("java.home"), "bin", "java"),
                locationOf(FunctionHost.class), locationOf(Context.class));
    }

    String of(Path code) {
        List<String> entries = new ArrayList<>();
        entries.add(code.toString());
        if (Files.isDirectory(code.resolve("lib"))) {
            entries.add(code.resolve("lib") + File.separator + "*");
        }
        entries.add(hostClasses.toString());
        entries.add(lambdaCore.toString());
        return String.join(File.pathSeparator, entries);
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + type, e);
        }
    }
}
