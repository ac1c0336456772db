package io.partnerlink.shared.api;

import io.partnerlink.shared.problem.FieldError;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;

import java.util.List;
import java.util.Map;

/**
 * What an HTTP request's values may hold (look-alike policy, README): a header the function reads, path parameters
 * and query names and values hold no control character (C0, DEL, C1) and no invisible format character (zero-width
 * space/joiners, soft hyphen, bidi controls, BOM); only a header value may hold a horizontal tab, as RFC 9110
 * allows. Refused with 400, never trimmed: {@code application/json\u0000} is not {@code application/json}. The
 * offending text is not echoed back. Headers the function never reads are not its business.
 */
final class RequestText {

    private RequestText() {
    }

    /** Path parameters and query names and values: no control or invisible character, not even a tab. */
    static void check(Map<String, String> path, Map<String, String> query) {
        path.forEach((name, value) -> {
            if (!isClean(value, false)) {
                throw refused(name, "must not contain control or invisible characters");
            }
        });
        query.forEach((name, value) -> {
            if (!isClean(name, false) || !isClean(value, false)) {
                throw refused("query", "must not contain control or invisible characters");
            }
        });
    }

    /** A header the function reads; refused rather than trimmed when it holds a control or invisible character. */
    static String header(String name, String value) {
        if (!isClean(value, true)) {
            throw refused("headers." + name, "must not contain control or invisible characters");
        }
        return value;
    }

    /** No control character (a tab only where allowed) and no format character (Unicode category Cf). */
    static boolean isClean(String text, boolean tabAllowed) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' ? !tabAllowed : Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException refused(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The request is not valid.", List.of(new FieldError(field, message)));
    }
}
