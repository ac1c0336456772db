package io.partnerlink.shared.docs;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the links of the repository's Markdown pages the way GitHub renders them: a relative link names a file or
 * folder inside the repository, a {@code #fragment} names a heading of the Markdown page it points at, and an
 * absolute link to this repository's own files on GitHub names a file that exists. Parsing is commonmark-java's;
 * only the heading anchors are computed here (GitHub's rule, which commonmark does not implement).
 */
final class MarkdownLinks {

    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern LINE_ANCHOR = Pattern.compile("L\\d+(-L\\d+)?");

    private final Path root;
    private final Pattern ownFiles;
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    /** @param repositoryName this repository's name on GitHub, to recognise absolute links to its own files */
    MarkdownLinks(Path root, String repositoryName) {
        this.root = root.toAbsolutePath().normalize();
        String name = Pattern.quote(repositoryName);
        this.ownFiles = Pattern.compile("^https?://(?:github\\.com/[^/]+/" + name + "/(?:blob|tree|raw)/[^/]+"
                + "|raw\\.githubusercontent\\.com/[^/]+/" + name + "/[^/]+)/([^?#]*)");
    }

    /** Every *.md file of the repository, outside build output and hidden folders. */
    static List<Path> pages(Path root) throws IOException {
        return files(root, p -> p.getFileName().toString().endsWith(".md"));
    }

    /**
     * The repository's files that {@code wanted} accepts, sorted, without descending into build output
     * ({@code target/}, {@code node_modules/}) or hidden folders ({@code .git/}, {@code .idea/}, the local runner's
     * {@code .run/}).
     */
    static List<Path> files(Path root, Predicate<Path> wanted) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skipped = !dir.equals(root) && (name.equals("target") || name.equals("node_modules") || name.startsWith("."));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && wanted.test(file)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }

    /** The page's links that do not resolve, each as {@code page:line: destination: why}. */
    List<String> broken(Path page) throws IOException {
        List<String> found = new ArrayList<>();
        Node document = PARSER.parse(Files.readString(page));
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                check(link, link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                check(image, image.getDestination());
            }

            @Override
            public void visit(LinkReferenceDefinition definition) {
                check(definition, definition.getDestination());
            }

            private void check(Node node, String destination) {
                String why = whyBroken(page, destination);
                if (why != null) {
                    int line = node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex() + 1;
                    found.add(root.relativize(page) + ":" + line + ": " + destination + ": " + why);
                }
            }
        });
        return found;
    }

    /** Why {@code destination}, as written on {@code page}, does not resolve; null when it does. */
    String whyBroken(Path page, String destination) {
        if (destination == null || destination.isBlank()) {
            return "empty link";
        }
        if (SCHEME.matcher(destination).find()) {
            return whyBrokenAbsolute(destination);
        }
        int hash = destination.indexOf('#');
        String path = decode(hash < 0 ? destination : destination.substring(0, hash));
        String fragment = hash < 0 ? "" : decode(destination.substring(hash + 1));
        Path from = page.toAbsolutePath().normalize();
        Path target = path.isEmpty() ? from
                : (path.startsWith("/") ? root.resolve(path.substring(1)) : from.getParent().resolve(path)).normalize();
        if (!target.startsWith(root)) {
            return "points outside the repository";
        }
        if (!Files.exists(target)) {
            return "no such file in the repository";
        }
        return fragment.isEmpty() ? null : whyBrokenFragment(target, fragment);
    }

    private String whyBrokenAbsolute(String destination) {
        String scheme = destination.substring(0, destination.indexOf(':')).toLowerCase(Locale.ROOT);
        if (scheme.equals("mailto")) {
            return null;
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "a " + scheme + ": link points outside the repository";
        }
        Matcher own = ownFiles.matcher(destination);
        if (own.find() && !Files.exists(root.resolve(decode(own.group(1))).normalize())) {
            return "names a file this repository does not have";
        }
        return null;
    }

    private String whyBrokenFragment(Path target, String fragment) {
        if (Files.isDirectory(target)) {
            return "a folder has no anchors";
        }
        if (!target.getFileName().toString().endsWith(".md")) {
            return LINE_ANCHOR.matcher(fragment).matches() ? null : "only line anchors (#L12) exist in a non-Markdown file";
        }
        return anchorsOf(target).contains(fragment) ? null : "no heading with anchor #" + fragment;
    }

    /** The anchors GitHub gives a page: one per heading (repeated ones numbered -1, -2, ...) and explicit HTML ones. */
    Set<String> anchorsOf(Path page) {
        return anchors.computeIfAbsent(page, p -> {
            String text;
            try {
                text = Files.readString(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Set<String> ids = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            PARSER.parse(text).accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    String slug = slug(headingText(heading));
                    int count = seen.merge(slug, 1, Integer::sum);
                    ids.add(count == 1 ? slug : slug + "-" + (count - 1));
                }
            });
            Matcher html = HTML_ANCHOR.matcher(text);
            while (html.find()) {
                ids.add(html.group(1));
            }
            return ids;
        });
    }

    /** GitHub's heading anchor: lower case, punctuation and symbols dropped, each space a hyphen. */
    static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
    }

    private static String headingText(Heading heading) {
        StringBuilder text = new StringBuilder();
        heading.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
