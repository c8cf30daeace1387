package dev.channelhub.shared.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channelhub.shared.error.ApiErrors;
import dev.channelhub.shared.error.ApiException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON merge-patch bodies (RFC 7396): a member that is absent stays, a member that is {@code null} is cleared.
 * Records cannot tell the two apart, so the nulls are collected here and handed to the service as {@code clear}.
 */
public final class MergePatch {

    private MergePatch() {
    }

    public record Parsed<T>(T value, List<String> nulls) {
    }

    public static <T> Parsed<T> parse(ObjectMapper mapper, JsonNode body, Class<T> type, List<String> clearable) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        List<String> nulls = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = copy.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull() && !"clear".equals(field.getKey())) {
                if (!clearable.contains(field.getKey())) {
                    throw ApiException.invalid(field.getKey(), "cannot be null");
                }
                nulls.add(field.getKey());
                it.remove();
            }
        }
        try {
            return new Parsed<>(mapper.treeToValue(copy, type), nulls);
        } catch (Exception e) {
            throw ApiErrors.from(e);
        }
    }

    /** The {@code clear} list of a patch: only the named clearable fields, else 400 naming {@code clear[i]}. */
    public static List<String> checkClear(List<String> clear, List<String> allowed) {
        if (clear == null) {
            return List.of();
        }
        for (int i = 0; i < clear.size(); i++) {
            if (!allowed.contains(clear.get(i))) {
                throw ApiException.invalid("clear[" + i + "]", "must be one of " + allowed);
            }
        }
        return clear;
    }
}
