package io.partnerlink.local;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --host} takes loopback or all interfaces only: the runner and the function hosts reach every part on 127.0.0.1. */
class MainOptionsTest {

    @Test
    void aHostOtherThanLoopbackOrAllInterfacesIsRefusedBeforeAnythingStarts() throws Exception {
        Process main = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--root", LocalRunnerTest.ROOT.toString(), "--host", "192.0.2.7").start();
        String stderr = new String(main.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String stdout = new String(main.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(main.waitFor(60, TimeUnit.SECONDS));
        assertEquals(64, main.exitValue(), stderr);
        assertEquals("error: --host is 127.0.0.1 (the default) or 0.0.0.0 (all interfaces, for containers), not 192.0.2.7",
                stderr.strip());
        assertEquals("", stdout, "nothing started, nothing printed");
    }
}
