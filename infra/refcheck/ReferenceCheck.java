import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's reference check of a function jar (issue 14): every class reachable from the function's own code,
 * its Micronaut beans and its service files must resolve inside the jar, the JDK or the Lambda runtime; an
 * unresolved reference fails the build naming the referring class, unless infra/refcheck/allowed-missing.txt lists
 * it with the reason it is never loaded. Reachability is by class: a class is reached when a reached class names it
 * in a class entry or a descriptor of its constant pool (string constants, the names Class.forName probes with, do
 * not count: those are guarded lookups). Hand-written over the class-file format (JDK only) so that it runs as a
 * plain source file, as infra/aot does, without a plugin this registry may lack.
 * <p>
 * Usage: java ReferenceCheck.java <function jar> <allow-list>
 */
public final class ReferenceCheck {

    /** Packages the Lambda Java runtime provides to every function besides the JDK. */
    private static final List<String> RUNTIME = List.of("com/amazonaws/services/lambda/runtime/");
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("(?<=^|[(\\[<:;)+\\-^*])L([A-Za-z0-9_$/]+)[;<]");

    public static void main(String[] args) throws IOException {
        Path jarPath = Path.of(args[0]);
        List<Allowed> allowed = Allowed.read(Path.of(args[1]));
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Map<String, JarEntry> classes = new HashMap<>();
            jar.stream().filter(e -> e.getName().endsWith(".class")).forEach(e ->
                    classes.put(e.getName().substring(0, e.getName().length() - ".class".length()), e));
            Deque<String> queue = new ArrayDeque<>(roots(jar, classes));
            Set<String> reached = new LinkedHashSet<>(queue);
            Map<String, Set<String>> missing = new TreeMap<>();
            Set<Allowed> used = new LinkedHashSet<>();
            while (!queue.isEmpty()) {
                String name = queue.poll();
                for (String ref : references(read(jar, classes.get(name)))) {
                    if (classes.containsKey(ref)) {
                        if (reached.add(ref)) {
                            queue.add(ref);
                        }
                    } else if (!isPlatform(ref)) {
                        Allowed allow = allowed.stream().filter(a -> a.covers(name, ref)).findFirst().orElse(null);
                        if (allow == null) {
                            missing.computeIfAbsent(ref, k -> new TreeSet<>()).add(name);
                        } else {
                            used.add(allow);
                        }
                    }
                }
            }
            System.out.println("Reference check of " + jarPath.getFileName() + ": " + reached.size() + " classes reached of "
                    + classes.size() + "; " + used.size() + " of " + allowed.size() + " allow-list entries used");
            allowed.stream().filter(a -> !used.contains(a)).forEach(a -> System.out.println("  not needed by this jar: "
                    + a.referenced().replace('/', '.') + (a.referrer() == null ? "" : " from " + a.referrer().replace('/', '.'))));
            if (!missing.isEmpty()) {
                System.out.println("Unresolved class references (neither in the jar, the JDK nor the Lambda runtime):");
                missing.forEach((ref, from) -> System.out.println("  " + ref.replace('/', '.') + " <- referred to by "
                        + String.join(", ", from.stream().limit(5).map(f -> f.replace('/', '.')).toList())
                        + (from.size() > 5 ? " and " + (from.size() - 5) + " more" : "")));
                System.out.println("Add the dependency, or list it in " + args[1] + " with the reason it is never loaded.");
                System.exit(1);
            }
        }
    }

    /** The function's own classes, the AOT-generated ones, every Micronaut bean reference and every service. */
    private static Set<String> roots(JarFile jar, Map<String, JarEntry> classes) throws IOException {
        Set<String> roots = new TreeSet<>();
        classes.keySet().stream().filter(c -> c.startsWith("io/partnerlink/")).forEach(roots::add);
        for (JarEntry entry : jar.stream().toList()) {
            String name = entry.getName();
            if (entry.isDirectory()) {
                continue;
            }
            if (name.startsWith("META-INF/micronaut/")) {
                roots.add(name.substring(name.lastIndexOf('/') + 1).replace('.', '/'));
            } else if (name.startsWith("META-INF/services/")) {
                new String(read(jar, entry), StandardCharsets.UTF_8).lines().map(l -> l.replaceAll("#.*", "").strip())
                        .filter(l -> !l.isEmpty()).forEach(l -> roots.add(l.replace('.', '/')));
            }
        }
        roots.retainAll(classes.keySet());
        return roots;
    }

    private static boolean isPlatform(String name) {
        return RUNTIME.stream().anyMatch(name::startsWith)
                || ClassLoader.getPlatformClassLoader().getResource(name + ".class") != null;
    }

    private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    /** Classes named by class entries and by field, method and signature descriptors of the constant pool. */
    static Set<String> references(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readInt();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classEntries = new ArrayList<>();
        List<Integer> descriptors = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classEntries.add(in.readUnsignedShort());
                case 16 -> descriptors.add(in.readUnsignedShort());
                case 8, 19, 20 -> in.readUnsignedShort();
                case 12 -> {
                    in.readUnsignedShort();
                    descriptors.add(in.readUnsignedShort());
                }
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int index : classEntries) {
            String name = utf8[index];
            if (name.startsWith("[")) {
                descriptorClasses(name, names);
            } else {
                names.add(name);
            }
        }
        descriptors.forEach(index -> descriptorClasses(utf8[index], names));
        // Member descriptors and signatures are plain utf8 entries; a descriptor-shaped one names its classes.
        for (String text : utf8) {
            if (text != null && (text.startsWith("(") || (text.startsWith("L") && text.endsWith(";")) || text.startsWith("<"))) {
                descriptorClasses(text, names);
            }
        }
        return names;
    }

    private static void descriptorClasses(String descriptor, Set<String> into) {
        Matcher m = DESCRIPTOR_CLASS.matcher(descriptor);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    /** One allow-list line: {@code <referenced prefix> [from <referring prefix>] | <reason>}. */
    record Allowed(String referenced, String referrer, String reason) {

        boolean covers(String from, String ref) {
            return ref.startsWith(referenced) && (referrer == null || from.startsWith(referrer));
        }

        static List<Allowed> read(Path file) throws IOException {
            List<Allowed> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                int bar = text.indexOf('|');
                if (bar < 0 || text.substring(bar + 1).isBlank()) {
                    throw new IllegalArgumentException(file + ": every entry needs a reason after '|': " + text);
                }
                String[] target = text.substring(0, bar).strip().split("\\s+from\\s+");
                entries.add(new Allowed(target[0].replace('.', '/'), target.length > 1 ? target[1].replace('.', '/') : null,
                        text.substring(bar + 1).strip()));
            }
            return entries;
        }
    }
}
