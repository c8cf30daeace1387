package dev.channelhub.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * {@code PATCH /customers/{id}}: absent (null) fields stay as they are; {@code group: ""} and
 * {@code ownerChannelId: ""} clear them. {@code tags} and {@code attributes} replace the whole value.
 */
public record CustomerPatch(
        @Size(min = 1, max = 200) String name,
        CustomerType type,
        @Size(max = 64) String group,
        @Size(max = 50) List<@NotBlank @Size(max = 64) String> tags,
        @Size(max = 100) Map<String, Object> attributes,
        String ownerChannelId) {
}
