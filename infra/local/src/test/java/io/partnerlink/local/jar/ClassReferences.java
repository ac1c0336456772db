package io.partnerlink.local.jar;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names under a package prefix that a class file mentions anywhere in its constant pool: class entries,
 * descriptors and signatures (a/b/C) and string constants, which is how Class.forName and resource paths spell
 * them (a.b.C). Reading the pool is enough: every class the JVM can load from this class is named there.
 */
final class ClassReferences {

    private ClassReferences() {
    }

    /** Slash-separated names (no {@code .class}) under {@code prefix} (slash form, e.g. {@code software/amazon}). */
    static Set<String> under(String prefix, byte[] classFile) throws IOException {
        String dotted = prefix.replace('/', '.');
        Pattern slashes = Pattern.compile(Pattern.quote(prefix) + "(/[A-Za-z0-9_$]+)*");
        Pattern dots = Pattern.compile(Pattern.quote(dotted) + "(\\.[A-Za-z0-9_$]+)*");
        Set<String> names = new LinkedHashSet<>();
        for (String text : utf8Constants(classFile)) {
            collect(slashes.matcher(text), names, false);
            collect(dots.matcher(text), names, true);
        }
        return names;
    }

    private static void collect(Matcher matcher, Set<String> into, boolean dotted) {
        while (matcher.find()) {
            into.add(dotted ? matcher.group().replace('.', '/') : matcher.group());
        }
    }

    /** Every CONSTANT_Utf8 of the pool: names, descriptors, signatures and the text of string constants. */
    private static List<String> utf8Constants(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readInt(); // minor and major version
        int count = in.readUnsignedShort();
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // longs and doubles take two pool slots
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return texts;
    }
}
