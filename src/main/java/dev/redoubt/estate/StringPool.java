package dev.redoubt.estate;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares repeated strings within one read (vault, key and role ARNs, resource types, statuses) without a map entry
 * per string: a direct-mapped table looked up by the characters the parser holds, so a repeat costs no allocation and
 * a unique string (a recovery point's ARN) only takes over its slot. Values are always equal to what was read.
 */
final class StringPool {
    private static final int SLOTS = 1 << 16;
    private final String[] slots = new String[SLOTS];
    /** Small values that recovery points repeat (the plan and rule that made them, their lifecycle), one instance per value. */
    private final Map<Object, Object> values = new HashMap<>();

    /** The instance equal to {@code value} first seen in this read (one read is one thread). */
    @SuppressWarnings("unchecked")
    <T> T shareValue(T value) {
        if (value == null) {
            return null;
        }
        Object had = values.putIfAbsent(value, value);
        return had == null ? value : (T) had;
    }

    /** The shared string equal to {@code chars[offset, offset + length)}. */
    String share(char[] chars, int offset, int length) {
        int h = 0;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + chars[i];
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String s = slots[slot];
        if (s != null && s.length() == length && same(s, chars, offset)) {
            return s;
        }
        s = new String(chars, offset, length);
        slots[slot] = s;
        return s;
    }

    private static boolean same(String s, char[] chars, int offset) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
