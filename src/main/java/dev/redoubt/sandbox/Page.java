package dev.redoubt.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Pagination as AWS does it: a page size up to the operation's maximum (larger is a
 * ValidationException), and an opaque token that only resumes the listing it came from.
 */
final class Page {
    /** One page: the items and the token for the next page (null on the last). */
    record Slice<T>(List<T> items, String nextToken) {
    }

    private Page() {
    }

    /** The page size: {@code requested}, or {@code dflt} when absent; 1 to {@code max} else a ValidationException. */
    static int size(Integer requested, int max, int dflt, String member) {
        if (requested == null) {
            return dflt;
        }
        if (requested < 1) {
            throw AwsError.validation("1 validation error detected: Value '" + requested + "' at '" + member
                    + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        if (requested > max) {
            throw AwsError.validation("1 validation error detected: Value '" + requested + "' at '" + member
                    + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
        }
        return requested;
    }

    /** A page of {@code all} (already filtered). */
    static <T> Slice<T> of(List<T> all, int size, String token, String scope, Supplier<AwsError> badToken) {
        int start = start(token, scope, badToken);
        if (start > all.size()) {
            throw badToken.get();
        }
        int end = Math.min(all.size(), start + size);
        return new Slice<>(all.subList(start, end), end < all.size() ? token(scope, end) : null);
    }

    /**
     * A page of the items of {@code all} that pass {@code filter}, scanning from where the token says,
     * so a filtered listing of a large collection costs one page's scan per page.
     */
    static <T, R> Slice<R> filtered(List<T> all, Predicate<T> filter, Function<T, R> map, int size, String token, String scope,
                                    Supplier<AwsError> badToken) {
        int i = start(token, scope, badToken);
        if (i > all.size()) {
            throw badToken.get();
        }
        List<R> out = new java.util.ArrayList<>(Math.min(size, 1024));
        for (; i < all.size() && out.size() < size; i++) {
            T t = all.get(i);
            if (filter.test(t)) {
                out.add(map.apply(t));
            }
        }
        while (i < all.size() && !filter.test(all.get(i))) {
            i++;
        }
        return new Slice<>(out, i < all.size() ? token(scope, i) : null);
    }

    static String token(String scope, int offset) {
        String raw = offset + "|" + Integer.toHexString(scope.hashCode());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static int start(String token, String scope, Supplier<AwsError> badToken) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            if (bar < 0 || !raw.substring(bar + 1).equals(Integer.toHexString(scope.hashCode()))) {
                throw badToken.get();
            }
            int offset = Integer.parseInt(raw.substring(0, bar));
            if (offset < 0) {
                throw badToken.get();
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw badToken.get();
        }
    }
}
