package dev.channelhub.settings;

import dev.channelhub.shared.web.MergePatch;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code PATCH /settings} and GraphQL {@code TenantSettingsInput}: a setting left out stays; REST merge-patch nulls
 * (and {@code clear}) put a setting back to its default.
 */
@Input("TenantSettingsInput")
@Schema(description = "JSON merge-patch of the tenant settings: absent stays, null returns to the default")
@MergePatch.Clearable({"maxActiveHoldsPerChannel"})
public record TenantSettingsPatch(
        @Min(1) @Max(1000)
        @Schema(description = "Most ACTIVE stock holds a partner channel may have at once, 1 to 1000")
        Integer maxActiveHoldsPerChannel,
        @Description("Settings to put back to their default: maxActiveHoldsPerChannel")
        List<String> clear) implements MergePatch.Patch<TenantSettingsPatch> {

    public static final List<String> CLEARABLE = MergePatch.clearable(TenantSettingsPatch.class);

    @Override
    public TenantSettingsPatch withClear(Collection<String> more) {
        List<String> all = new ArrayList<>(clear == null ? List.of() : clear);
        all.addAll(more);
        return new TenantSettingsPatch(maxActiveHoldsPerChannel, all);
    }

    public boolean clears(String field) {
        return clear != null && clear.contains(field);
    }

    public boolean isEmpty() {
        return maxActiveHoldsPerChannel == null && (clear == null || clear.isEmpty());
    }
}
