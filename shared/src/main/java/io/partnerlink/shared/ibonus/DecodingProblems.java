package io.partnerlink.shared.ibonus;

/** A short, data-free description of why an answer could not be decoded (the answer may carry coupon tokens). */
final class DecodingProblems {

    private static final int MAX = 160;

    private DecodingProblems() {
    }

    static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        return message.length() > MAX ? message.substring(0, MAX) : message;
    }
}
