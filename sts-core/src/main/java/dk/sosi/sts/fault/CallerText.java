package dk.sosi.sts.fault;

/**
 * Stateless, thread-safe. Text that came in a request, made safe to repeat in a fault or a log line:
 * line breaks and other control characters are shown escaped ({@code \n}, {@code \u0085}), so a
 * value can never start a forged log line, and the text is cut to a sane length, so a large value is
 * never repeated whole.
 */
public final class CallerText {

    /** The longest single value repeated from a request. */
    public static final int MAX_VALUE = 64;
    /** The longest fault text; longer ones are cut. */
    public static final int MAX_MESSAGE = 1000;

    private CallerText() {
    }

    /** {@code value} in double quotes, escaped and cut to {@link #MAX_VALUE} characters. */
    public static String quote(String value) {
        return "\"" + limit(value, MAX_VALUE) + "\"";
    }

    /** {@code text} escaped and cut to {@code max} characters (an ellipsis marks the cut). */
    public static String limit(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (safe.length() >= max) {
                return safe.append('…').toString();
            }
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> safe.append("\\n");
                case '\r' -> safe.append("\\r");
                case '\t' -> safe.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                        safe.append(String.format("\\u%04x", (int) c));
                    } else {
                        safe.append(c);
                    }
                }
            }
        }
        return safe.toString();
    }
}
