package io.partnerlink.bench;

/** A benchmark of failing invocations measures nothing: every answer must be a success. */
final class Answers {

    private Answers() {
    }

    static boolean ok(String answer) {
        return io.partnerlink.bench.host.Answers.ok(answer);
    }

    static void require(ChildJvm.Outcome outcome, String what) {
        for (String field : new String[]{"response", "secondResponse"}) {
            String answer = outcome.text(field);
            if (outcome.report().field(field).isPresent() && !ok(answer)) {
                throw new IllegalStateException(what + " did not succeed: " + answer + "\nchild output:\n"
                        + String.join("\n", outcome.output().subList(Math.max(0, outcome.output().size() - 30), outcome.output().size())));
            }
        }
    }
}
