package io.partnerlink.shared.docs;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's documentation stands on its own (issue 15, item 7): every Markdown link resolves inside the
 * repository (files, folders and heading anchors), and no page, comment or setting cites the design document or
 * the partner documents by a path that exists only outside a clone; those live in {@code docs/}.
 */
class MarkdownLinksTest {

    /**
     * Citations of files outside the repository, as they were written before {@code docs/} existed: the design
     * document, the partner specifications, and a relative path up to a {@code shared/} folder beside the clone
     * (group 1: the {@code ../} steps; such a path is fine when it stays inside the repository, e.g. from docs/).
     */
    private static final Pattern OUTSIDE_REFERENCE =
            Pattern.compile("((?:\\.\\./)+)shared/|DESIGN\\.md|\\bDESIGN (?:section|§)|shared/specs/|/work/shared");
    private static final Set<String> TEXT_FILES = Set.of(".md", ".java", ".yaml", ".yml", ".properties", ".json", ".xml",
            ".sh", ".py", ".txt");

    static Path root;
    static MarkdownLinks links;

    @BeforeAll
    static void findRepository() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("template.yaml"))) {
            root = root.getParent();
            assertNotNull(root, "template.yaml not found above the working directory");
        }
        links = new MarkdownLinks(root, repositoryName(root));
    }

    @Test
    void thePagesIncludeTheDocsFolder() throws IOException {
        List<String> pages = MarkdownLinks.pages(root).stream().map(p -> root.relativize(p).toString()).toList();
        for (String page : List.of("README.md", "docs/README.md", "docs/design.md", "docs/partners/vektor.md",
                "docs/partners/ibonus.md", "docs/partners/vitec.md", "docs/partners/art.md")) {
            assertTrue(pages.contains(page), page + " is among the checked pages " + pages);
        }
    }

    @Test
    void everyMarkdownLinkResolvesInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : MarkdownLinks.pages(root)) {
            broken.addAll(links.broken(page));
        }
        assertEquals("", String.join("\n", broken), "broken links");
    }

    @Test
    void nothingCitesAPathOutsideTheRepository() throws IOException {
        assertEquals("", String.join("\n", outsideReferences(root)), "references to paths outside the repository (cite docs/ instead)");
    }

    @Test
    void theScanFindsEachKindOfOutsideReference(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve("functions/one"));
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("functions/one/README.md"),
                "Spec: [x](../../../shared/specs/x.md)\nsee ../../shared/README.md\n");
        Files.writeString(repo.resolve("functions/one/Thing.java"), "/** As DESIGN.md section 4 says; DESIGN §3 too. */\n");
        Files.writeString(repo.resolve("docs/index.md"), "[shared](../shared/README.md) is ours.\n");
        Files.createDirectories(repo.resolve("functions/one/target"));
        Files.writeString(repo.resolve("functions/one/target/README.md"), "A build copy of DESIGN.md\n");

        // docs/index.md and the README's second line name the repository's own shared/, target/ is build output.
        assertEquals(List.of(
                "functions/one/README.md:1: ../../../shared/",
                "functions/one/Thing.java:1: DESIGN.md",
                "functions/one/Thing.java:1: DESIGN §"), outsideReferences(repo));
    }

    /** Each citation of a path outside the repository, as {@code file:line: citation}, in file order. */
    private static List<String> outsideReferences(Path repo) throws IOException {
        List<String> found = new ArrayList<>();
        // This file names every pattern it looks for, so it is the one file left out.
        for (Path file : MarkdownLinks.files(repo, p -> isText(p) && !p.getFileName().toString().equals("MarkdownLinksTest.java"))) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = OUTSIDE_REFERENCE.matcher(lines.get(i));
                while (m.find()) {
                    boolean staysInside = m.group(1) != null && file.getParent().resolve(m.group(1)).normalize().startsWith(repo);
                    if (!staysInside) {
                        found.add(repo.relativize(file) + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        return found;
    }

    @Test
    void theCheckerReportsEachKindOfBrokenLink(@TempDir Path repo) throws IOException {
        Files.writeString(repo.resolve("template.yaml"), "");
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/x.md"), "# A heading\n\n## Errors (problem JSON)\n\n## A heading\n");
        Files.writeString(repo.resolve("Code.java"), "class Code {}\n");
        Files.writeString(repo.resolve("README.md"), String.join("\n",
                "[fine](docs/x.md#a-heading) [numbered](docs/x.md#a-heading-1) [punctuation](docs/x.md#errors-problem-json)",
                "[folder](docs/) [root-relative](/docs/x.md) [line](Code.java#L3) [self](#top) [web](https://example.org/a)",
                "[own, present](https://github.com/acme/partnerlink/blob/main/docs/x.md) `[code span](nowhere.md)`",
                "[other repo](https://github.com/acme/elsewhere/blob/main/gone.md) [mail](mailto:a@example.org)",
                "",
                "# Top",
                "",
                "[missing file](docs/missing.md) [missing anchor](docs/x.md#nope) [escapes](../outside.md)",
                "[own, gone](https://github.com/acme/partnerlink/blob/main/docs/gone.md) [local file](file:///etc/hosts)",
                "[java anchor](Code.java#main) [definition][def]",
                "",
                "[def]: docs/undefined.md",
                ""));

        List<String> broken = new MarkdownLinks(repo, "partnerlink").broken(repo.resolve("README.md"));

        assertEquals(List.of(
                "README.md:8: docs/missing.md: no such file in the repository",
                "README.md:8: docs/x.md#nope: no heading with anchor #nope",
                "README.md:8: ../outside.md: points outside the repository",
                "README.md:9: https://github.com/acme/partnerlink/blob/main/docs/gone.md: names a file this repository does not have",
                "README.md:9: file:///etc/hosts: a file: link points outside the repository",
                "README.md:10: Code.java#main: only line anchors (#L12) exist in a non-Markdown file",
                "README.md:10: docs/undefined.md: no such file in the repository",
                "README.md:12: docs/undefined.md: no such file in the repository"), broken);
    }

    @Test
    void anchorsFollowGitHub() {
        assertEquals("idempotency-contract", MarkdownLinks.slug("Idempotency contract"));
        assertEquals("post-gift-ordersdomainsdomainrenewals", MarkdownLinks.slug("POST /gift-orders/domains/{domain}/renewals"));
        assertEquals("4-errors-rfc-9457", MarkdownLinks.slug("4. Errors (RFC 9457)"));
        assertEquals("open-questions--our-reading", MarkdownLinks.slug("Open questions – our reading"));
        assertEquals("décisions_où", MarkdownLinks.slug("Décisions_où?"));
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && TEXT_FILES.contains(name.substring(dot));
    }

    /** The repository's name, as the root project calls itself ({@code <name>-parent}). */
    private static String repositoryName(Path root) throws IOException {
        String pom = Files.readString(root.resolve("pom.xml"));
        Matcher own = Pattern.compile("<artifactId>([^<]+?)(?:-parent)?</artifactId>").matcher(pom.substring(pom.indexOf("</parent>")));
        assertTrue(own.find(), "the root pom names its artifact");
        return own.group(1);
    }
}
