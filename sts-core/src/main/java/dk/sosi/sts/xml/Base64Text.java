package dk.sosi.sts.xml;

/** Thread-safe. Base64 as XML carries it: possibly broken into lines or indented (exchanges.md 2.3 L8). */
public final class Base64Text {

    private Base64Text() {
    }

    /** {@code text} without XML white space (space, tab, CR, LF); the same string when it has none. */
    public static String compact(String text) {
        int first = 0;
        while (first < text.length() && !isWhitespace(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        char[] kept = new char[text.length()];
        text.getChars(0, first, kept, 0);
        int size = first;
        for (int i = first + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isWhitespace(c)) {
                kept[size++] = c;
            }
        }
        return new String(kept, 0, size);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
