package dev.channelhub.inventory;

import dev.channelhub.shared.web.MergePatch;
import io.smallrye.graphql.api.Nullable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code PATCH /locations/{id}} and GraphQL {@code UpdateLocationInput}: a field left out stays as it is. REST also
 * accepts JSON merge-patch nulls ({@code "channelIds": null} = serve every channel), which arrive here in {@link #clear}.
 * The code and type are fixed: stock, ledger rows and holds refer to them.
 */
@Input("UpdateLocationInput")
@MergePatch.Clearable({"region", "channelIds"})
public record LocationPatch(
        @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Size(max = 64) String region,
        @Nullable @Size(max = 1000) List<@NotNull String> channelIds,
        @Min(-1_000_000) @Max(1_000_000) Integer priority,
        @Description("Fields to set to null: region, channelIds (null channelIds = serves every channel)")
        List<String> clear) implements MergePatch.Patch<LocationPatch> {

    public static final List<String> CLEARABLE = MergePatch.clearable(LocationPatch.class);

    @Override
    public LocationPatch withClear(Collection<String> more) {
        List<String> all = new ArrayList<>(clear == null ? List.of() : clear);
        all.addAll(more);
        return new LocationPatch(name, region, channelIds, priority, all);
    }

    public boolean clears(String field) {
        return clear != null && clear.contains(field);
    }
}
