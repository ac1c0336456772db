import io.micronaut.aot.MicronautAotOptimizer;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A build step, never shipped: runs Micronaut AOT for one function and lays out the classes its jar is packed from.
 * The Micronaut Maven plugin runs micronaut-aot-cli for this, which this Maven registry does not have; the CLI is a
 * thin wrapper over {@link MicronautAotOptimizer#execute}, which is what this calls (micronaut-aot-api 2.9.0).
 *
 * <p>Run by the root pom's {@code micronaut-aot} execution, with the function's runtime classpath and the optimizer:
 * {@code java -cp <classpath> MicronautAot.java <optimizations.properties> <package> <classes dir> <out dir>}.
 * Writes {@code <out>/sources} and {@code <out>/classes} (the generated code), {@code <out>/logs} (what was
 * skipped and why) and {@code <out>/jar}: the function's classes without the resources the optimizer replaced
 * by code, plus the generated classes.
 */
public final class MicronautAot {

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: MicronautAot.java <optimizations.properties> <package> <classes dir> <out dir>");
        }
        Path classes = Path.of(args[2]);
        Path out = Path.of(args[3]);
        deleteTree(out);
        Properties options = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]))) {
            options.load(reader);
        }
        options.setProperty("package", args[1]);
        options.setProperty("output.directory", out.toString());
        options.setProperty("runtime", "jit");
        // Used to compile the generated sources: the classpath this JVM runs with, which is the function's.
        options.setProperty("classpath", String.join(",", System.getProperty("java.class.path").split(File.pathSeparator)));
        MicronautAotOptimizer.execute(options);

        Set<String> replaced = Set.copyOf(Files.readAllLines(out.resolve("logs/resource-filter.txt")).stream()
                .map(String::trim).filter(line -> !line.isEmpty()).toList());
        Path jar = out.resolve("jar");
        copyTree(classes, jar, replaced);
        copyTree(out.resolve("classes"), jar, Set.of());
        System.out.println("Micronaut AOT: " + args[1] + " generated; left out of the jar (replaced by code): " + replaced);
    }

    /** Copies every file under {@code from} to {@code to}; service files present in both are merged, not replaced. */
    private static void copyTree(Path from, Path to, Set<String> leaveOut) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String name = from.relativize(file).toString().replace(File.separatorChar, '/');
            if (leaveOut.contains(name)) {
                continue;
            }
            Path target = to.resolve(name);
            Files.createDirectories(target.getParent());
            if (Files.exists(target) && name.startsWith("META-INF/services/")) {
                Files.write(target, Files.readAllLines(file), StandardOpenOption.APPEND);
            } else {
                Files.copy(file, target);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
    }
}
