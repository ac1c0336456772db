package io.partnerlink.local.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} with {@code Globals} applied and intrinsic functions resolved.
 * {@code code} is the CodeUri (a jar or a directory) resolved against the template's folder, null when the
 * CodeUri is not a local path; {@code otherEvents} are the non-HTTP triggers, e.g. {@code Schedule rate(15 minutes)}.
 */
public record FunctionSpec(String logicalId, String name, Path code, String handler, String runtime,
                           int memoryMb, int timeoutSeconds, Map<String, String> environment,
                           List<HttpRoute> routes, List<String> otherEvents) {

    /** The handler class, without the {@code ::method} suffix. */
    public String handlerClass() {
        int colons = handler.indexOf("::");
        return colons < 0 ? handler : handler.substring(0, colons);
    }
}
