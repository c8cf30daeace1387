package dev.channelhub.channel;

import dev.channelhub.shared.web.MergePatch;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code PATCH /channels/{id}} and GraphQL {@code UpdateChannelInput}: a field left out stays as it is. REST also
 * accepts JSON merge-patch nulls ({@code "tier": null}), which arrive here as names in {@link #clear}.
 */
@Input("UpdateChannelInput")
@MergePatch.Clearable({"region", "tier", "parentId", "creditLimit", "contact"})
public record ChannelPatch(
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, '.', '_' and '-' only") String code,
        @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Size(max = 64) String region,
        @Size(max = 64) String tier,
        String parentId,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal creditLimit,
        @Size(min = 3, max = 3) String currency,
        @Valid ContactView contact,
        @Description("Fields to set to null: region, tier, parentId, creditLimit, contact")
        List<String> clear) implements MergePatch.Patch<ChannelPatch> {

    public static final List<String> CLEARABLE = MergePatch.clearable(ChannelPatch.class);

    @Override
    public ChannelPatch withClear(Collection<String> more) {
        List<String> all = new ArrayList<>(clear == null ? List.of() : clear);
        all.addAll(more);
        return new ChannelPatch(code, name, region, tier, parentId, creditLimit, currency, contact, all);
    }

    public boolean clears(String field) {
        return clear != null && clear.contains(field);
    }

    /** True when the patch sets or clears nothing but the contact (what a partner may change on its own channel). */
    public boolean onlyContact() {
        return code == null && name == null && region == null && tier == null && parentId == null && creditLimit == null
                && currency == null && (clear == null || clear.stream().allMatch("contact"::equals));
    }

    public boolean isEmpty() {
        return onlyContact() && contact == null && !clears("contact");
    }
}
