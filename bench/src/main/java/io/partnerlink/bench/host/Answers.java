package io.partnerlink.bench.host;

/** Whether an answer is a success: an HTTP API answer with a 2xx {@code statusCode}, or any other JSON result. */
public final class Answers {

    private Answers() {
    }

    public static boolean ok(String answer) {
        int at = answer.indexOf("\"statusCode\":");
        if (at < 0) {
            return !answer.isBlank() && !answer.contains("\"errorMessage\"");
        }
        int digit = at + "\"statusCode\":".length();
        while (digit < answer.length() && answer.charAt(digit) == ' ') {
            digit++;
        }
        return answer.startsWith("2", digit);
    }
}
