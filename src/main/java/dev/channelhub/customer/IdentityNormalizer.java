package dev.channelhub.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.FieldError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns identities as callers type them into the one form the unique index compares: phones in E.164
 * (libphonenumber, a default region for national numbers), e-mails trimmed and lower-cased, external ids as
 * {@code system:id} with a lower-case system. Junk values (blocklist, or a phone of one repeated digit) are
 * dropped: they never match and are never stored.
 */
public final class IdentityNormalizer {

    public record Identity(IdentityKind kind, String value) {
        public String key() {
            return kind.name() + ":" + value;
        }
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern EXTERNAL = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]{0,63}):(\\S{1,200})");
    private static final Pattern WECHAT = Pattern.compile("\\S{1,128}");
    private static final Pattern PHONE_CHARS = Pattern.compile("[0-9+()\\-.\\s]{3,40}");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;
    private final Set<String> junk;

    public IdentityNormalizer(String defaultRegion, Collection<String> junk) {
        this.defaultRegion = defaultRegion.trim().toUpperCase(Locale.ROOT);
        this.junk = junk.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Normalises every input, naming the offending field ({@code identities[2].value}) for each invalid one;
     * junk is dropped and duplicates collapse, in input order.
     */
    public List<Identity> normalizeAll(List<IdentityInput> inputs, String field) {
        List<FieldError> errors = new ArrayList<>();
        LinkedHashSet<Identity> out = new LinkedHashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            IdentityInput in = inputs.get(i);
            String path = field + "[" + i + "]";
            if (in == null || in.kind() == null) {
                errors.add(new FieldError(path + ".kind", "is required"));
                continue;
            }
            try {
                Identity id = normalize(in.kind(), in.value(), path + ".value");
                if (id != null) {
                    out.add(id);
                }
            } catch (ApiException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return List.copyOf(out);
    }

    /** The normalised identity, null when it is junk; a malformed value is a 400 naming {@code field}. */
    public Identity normalize(IdentityKind kind, String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        String trimmed = raw.strip();
        if (isJunk(trimmed)) {
            return null;
        }
        String value = switch (kind) {
            case PHONE -> phone(trimmed, field);
            case EMAIL -> email(trimmed, field);
            case WECHAT -> {
                if (!WECHAT.matcher(trimmed).matches()) {
                    throw ApiException.invalid(field, "must be a WeChat id without spaces, at most 128 characters");
                }
                yield trimmed;
            }
            case EXTERNAL -> {
                var m = EXTERNAL.matcher(trimmed);
                if (!m.matches()) {
                    throw ApiException.invalid(field, "must be \"<system>:<id>\", e.g. \"shopify:12345\"");
                }
                yield m.group(1).toLowerCase(Locale.ROOT) + ":" + m.group(2);
            }
        };
        return value == null || isJunk(value) ? null : new Identity(kind, value);
    }

    /** The identity a search term would be if it were of {@code kind}, or null when it cannot be one. */
    public Identity tryNormalize(IdentityKind kind, String raw) {
        try {
            return normalize(kind, raw, "q");
        } catch (ApiException e) {
            return null;
        }
    }

    private boolean isJunk(String value) {
        return junk.contains(value.toLowerCase(Locale.ROOT));
    }

    private String phone(String raw, String field) {
        if (!PHONE_CHARS.matcher(raw).matches()) {
            throw ApiException.invalid(field, "is not a phone number");
        }
        String digits = raw.replaceAll("\\D", "");
        if (digits.length() >= 5 && digits.chars().distinct().count() == 1) {
            return null; // 00000000000, 11111111111: placeholders typed to get past a form
        }
        Phonenumber.PhoneNumber number;
        try {
            number = phones.parse(raw, defaultRegion);
        } catch (NumberParseException e) {
            throw ApiException.invalid(field, "is not a phone number");
        }
        if (!phones.isValidNumber(number)) {
            throw ApiException.invalid(field, "is not a valid phone number");
        }
        return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    private static String email(String raw, String field) {
        String value = raw.toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            throw ApiException.invalid(field, "is not an e-mail address");
        }
        return value;
    }
}
