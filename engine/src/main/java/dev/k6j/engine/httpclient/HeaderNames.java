package dev.k6j.engine.httpclient;

/** Header names in Go's canonical form ({@code content-type} becomes {@code Content-Type}), as k6 shows them. */
public final class HeaderNames {

    private HeaderNames() {
    }

    public static String canonical(String name) {
        boolean upper = true;
        char[] chars = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ' || c > 0x7e) {
                return name;
            }
            char wanted = upper ? Character.toUpperCase(c) : Character.toLowerCase(c);
            if (wanted != c) {
                if (chars == null) {
                    chars = name.toCharArray();
                }
                chars[i] = wanted;
            }
            upper = c == '-';
        }
        return chars == null ? name : new String(chars);
    }
}
