package dev.channelhub.channel;

import dev.channelhub.shared.web.MergePatch;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code PATCH /channel-groups/{id}}: {@code memberIds} and {@code rule} replace the old ones when given; REST
 * merge-patch nulls ({@code "rule": null}) arrive as names in {@link #clear}.
 */
@Input("UpdateChannelGroupInput")
@MergePatch.Clearable({"memberIds", "rule"})
public record ChannelGroupPatch(
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, '.', '_' and '-' only") String code,
        @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Size(max = 10000) List<String> memberIds,
        @Valid GroupRule rule,
        @Description("Fields to empty: memberIds, rule") List<String> clear) implements MergePatch.Patch<ChannelGroupPatch> {

    public static final List<String> CLEARABLE = MergePatch.clearable(ChannelGroupPatch.class);

    @Override
    public ChannelGroupPatch withClear(Collection<String> more) {
        List<String> all = new ArrayList<>(clear == null ? List.of() : clear);
        all.addAll(more);
        return new ChannelGroupPatch(code, name, memberIds, rule, all);
    }

    public boolean clears(String field) {
        return clear != null && clear.contains(field);
    }
}
