package io.partnerlink.renewal;

import io.partnerlink.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArtDomainNameTest {

    @Test
    void acceptsAsciiPunycodeAndUnicodeNames() {
        assertEquals("example.art", ArtDomainName.parse("Example.ART"));
        assertEquals("a-1.art", ArtDomainName.parse("a-1.art"));
        assertEquals("xn--e1afmkfd.art", ArtDomainName.parse("xn--e1afmkfd.art"));
        assertEquals("xn--e1afmkfd.art", ArtDomainName.parse("пример.art"));
        assertEquals("xn--e1afmkfd.art", ArtDomainName.parse("%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80.art"));
        assertEquals("x".repeat(63) + ".art", ArtDomainName.parse("x".repeat(63) + ".art"));
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[]{null, "", " ", "art", ".art", "example", "example.com", "example.art.com",
                "sub.example.art", "-a.art", "a-.art", "ab--c.art", "a b.art", "a/b.art", "x".repeat(64) + ".art", "%ZZ.art",
                // issue 14: look-alikes refused, not mapped (IDNA 2008 / UTS-46 strict; README)
                "gallery-one.art\u0000", "gallery-one.art%00", "\u2215etc.art", "gallery-one\uFF0Eart", "gallery-one\u3002art",
                "gallery\u200B-one.art", "gallery\u00AD-one.art", "gallery-one%252Eart", "\uFF47allery.art", "fa\u00DF.art",
                "\u041F\u0440\u0438\u043C\u0435\u0440.art", "xn--etc-sc2a.art", "%E2%88%95etc.art"}) {
            assertThrows(ProblemException.class, () -> ArtDomainName.parse(bad), String.valueOf(bad));
        }
    }
}
