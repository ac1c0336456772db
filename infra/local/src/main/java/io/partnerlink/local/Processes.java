package io.partnerlink.local;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping a child process and everything it started, so that nothing is left behind. */
public final class Processes {

    private Processes() {
    }

    /** SIGTERM to the process and its descendants; after {@code grace}, SIGKILL to whatever is left. */
    public static void stop(Process process, Duration grace) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
