package io.partnerlink.local;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code infra/local/start}'s checks, which run before anything is built or started: each failure is one line on
 * stderr that says what to do, a non-zero exit, and nothing left running. The PATH holds only the few tools the
 * checks use, so what is missing is under the test's control.
 */
class StartScriptTest {

    private static final Path SCRIPT = LocalRunnerTest.ROOT.resolve("infra/local/start");

    @TempDir
    Path bin;
    @TempDir
    Path noJdks;

    @BeforeEach
    void toolsTheChecksUse() throws IOException {
        for (String tool : List.of("bash", "date", "dirname", "readlink", "sed")) {
            Path real = List.of(Path.of("/usr/bin", tool), Path.of("/bin", tool)).stream()
                    .filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException("no " + tool));
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
    }

    @Test
    void withoutAJdk21ItSaysWhatToInstall() throws Exception {
        Result result = run(Map.of("JDK_SEARCH_PATH", noJdks.toString()));
        assertEquals(1, result.exit());
        assertTrue(result.onlyLine().startsWith("error: no JDK 21 or newer found"), result.stderr());
        assertTrue(result.onlyLine().contains("set JAVA_HOME"), result.stderr());
    }

    @Test
    void withoutMotoServerItSaysHowToInstallIt() throws Exception {
        Result result = run(Map.of("JAVA_HOME", System.getProperty("java.home")));
        assertEquals(1, result.exit());
        assertEquals("error: moto_server is not on the PATH: install it with pip install 'moto[server]'", result.onlyLine());
    }

    @Test
    void aBusyPortIsNamedWithTheWayOut() throws Exception {
        Path moto = bin.resolve("moto_server");
        Files.writeString(moto, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(moto, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            Result result = run(Map.of("JAVA_HOME", System.getProperty("java.home"), "PORT", Integer.toString(port)));
            assertEquals(1, result.exit());
            assertEquals("error: port " + port + " is in use: stop what listens there, or choose another,"
                    + " e.g. PORT=4000 infra/local/start", result.onlyLine());
        }
    }

    private Result run(Map<String, String> extra) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(new HashMap<>(Map.of("PATH", bin.toString(), "HOME", noJdks.toString())));
        env.putAll(extra);
        Process process = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the checks finish quickly");
        assertEquals(List.of(), ProcessHandle.current().descendants().toList(), "nothing is left running");
        return new Result(process.exitValue(), stderr);
    }

    private record Result(int exit, String stderr) {
        String onlyLine() {
            assertEquals(1, stderr.lines().count(), "one line: " + stderr);
            return stderr.strip();
        }
    }
}
