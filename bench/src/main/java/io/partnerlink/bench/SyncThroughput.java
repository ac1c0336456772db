package io.partnerlink.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sync throughput of sync-coupons (needs the function on this branch). */
final class SyncThroughput {

    private SyncThroughput() {
    }

    static Map<String, Object> run(Path root, Emulators emulators, ChildJvm jvm, Path work, int clients) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("notMeasured", "sync-coupons has not landed on this branch");
        return result;
    }
}
