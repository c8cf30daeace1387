package dev.channelhub.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channelhub.shared.error.ApiException;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON merge-patch bodies (RFC 7396) read straight into typed records: a member that is absent stays, a member that
 * is {@code null} is cleared. A record cannot tell absent from null, so a patch record implements {@link Patch} and
 * names its {@link Clearable} fields; the nulls of those fields reach the service as {@code clear} (the same list a
 * GraphQL input or REST client may send itself), a null for any other field is 400. {@link #module()} installs it in
 * the REST ObjectMapper ({@link JsonConfig}); GraphQL inputs do not pass through Jackson and keep their own {@code clear}.
 */
public final class MergePatch {

    private MergePatch() {
    }

    /** A patch record: {@code withClear} returns a copy whose clear list also holds the given field names. */
    public interface Patch<T extends Patch<T>> {
        T withClear(Collection<String> fields);
    }

    /** The fields of a {@link Patch} that a merge-patch {@code null} clears. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Clearable {
        String[] value();
    }

    /** The patch of a request; a request without a body is 400 like any body that is not a JSON object. */
    public static <T extends Patch<T>> T body(T patch) {
        if (patch == null) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        return patch;
    }

    /** The fields a patch record's {@link Clearable} names. */
    public static List<String> clearable(Class<? extends Patch<?>> type) {
        return List.of(type.getAnnotation(Clearable.class).value());
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

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("merge-patch");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean, JsonDeserializer<?> deserializer) {
                Clearable clearable = bean.getBeanClass().getAnnotation(Clearable.class);
                if (Patch.class.isAssignableFrom(bean.getBeanClass()) && clearable != null) {
                    return new PatchDeserializer(deserializer, List.of(clearable.value()));
                }
                return deserializer;
            }
        });
        return module;
    }

    private static final class PatchDeserializer extends DelegatingDeserializer {

        private final List<String> clearable;

        PatchDeserializer(JsonDeserializer<?> delegate, List<String> clearable) {
            super(delegate);
            this.clearable = clearable;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new PatchDeserializer(newDelegatee, clearable);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw ApiException.invalid("body", "must be a JSON object");
            }
            ObjectNode body = ctxt.readTree(p).deepCopy();
            List<String> nulls = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isNull() && !"clear".equals(field.getKey())) {
                    if (!clearable.contains(field.getKey())) {
                        throw ApiException.invalid(field.getKey(), "cannot be null");
                    }
                    nulls.add(field.getKey());
                    it.remove();
                }
            }
            // The object minus its nulls, read by Jackson's own record deserializer (types, unknown fields as usual).
            JsonParser rest = body.traverse(p.getCodec());
            rest.nextToken();
            Patch<?> patch = (Patch<?>) _delegatee.deserialize(rest, ctxt);
            return nulls.isEmpty() ? patch : patch.withClear(nulls);
        }
    }
}
