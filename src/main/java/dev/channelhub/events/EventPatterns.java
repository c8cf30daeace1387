package dev.channelhub.events;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Event type patterns of webhook subscriptions: a dotted type ({@code order.placed}) where a segment may be
 * {@code *}; a trailing {@code *} also matches deeper types ({@code order.*} matches {@code order.placed}),
 * and {@code *} alone matches everything.
 */
public final class EventPatterns {

    private static final Pattern VALID = Pattern.compile("\\*|[a-z][a-z0-9_]*(\\.([a-z][a-z0-9_]*|\\*))*");

    private EventPatterns() {
    }

    public static boolean valid(String pattern) {
        return pattern != null && pattern.length() <= 64 && VALID.matcher(pattern).matches();
    }

    public static boolean matches(String pattern, String type) {
        String[] p = pattern.split("\\.");
        String[] t = type.split("\\.");
        for (int i = 0; i < p.length; i++) {
            boolean last = i == p.length - 1;
            if (i >= t.length) {
                return false;
            }
            if (p[i].equals("*")) {
                if (last) {
                    return true;
                }
                continue;
            }
            if (!p[i].equals(t[i])) {
                return false;
            }
        }
        return p.length == t.length;
    }

    public static boolean matchesAny(List<String> patterns, String type) {
        for (String p : patterns) {
            if (matches(p, type)) {
                return true;
            }
        }
        return false;
    }
}
