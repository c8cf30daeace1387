package dev.channelhub.shared.web;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetcherFactory;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.EventingService;
import org.jboss.logging.Logger;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Serves plain properties of our GraphQL types (a record's {@code String}, number, boolean or nested object)
 * with a direct accessor instead of SmallRye's {@link FieldDataFetcher}, which, for every single field of every
 * object, clones a request context, stringifies the path and serialises the selected fields to JSON twice. That
 * was the largest single cost of a catalogue page (profile in docs/PERFORMANCE.md). The accessor is a graphql-java
 * {@link LightDataFetcher}, so graphql-java does not build a fetching environment for these fields either.
 * <p>
 * Only fields SmallRye would return unchanged are taken over: no list or other wrapper, no transformation
 * (number or date formats), no adapter, and a type whose value graphql-java serialises itself. Everything else
 * (lists, enums, dates, ids that are UUIDs, operations and {@code @Source} fields) keeps SmallRye's fetcher, and
 * so does any value whose source is not an instance of the declaring class. Registered through
 * {@code META-INF/services/io.smallrye.graphql.spi.EventingService}; {@code channelhub.graphql.plain-fields=false}
 * turns it off.
 */
public class PlainFieldFetchers implements EventingService {

    private static final Logger LOG = Logger.getLogger(PlainFieldFetchers.class);

    /** Java types graphql-java's built-in scalars serialise exactly as SmallRye does when nothing is configured. */
    private static final Set<String> PLAIN_SCALARS = Set.of("java.lang.String", "java.lang.Boolean", "boolean", "java.lang.Integer",
            "int", "java.lang.Long", "long", "java.lang.Short", "short", "java.lang.Double", "double", "java.lang.Float", "float",
            "java.math.BigDecimal", "java.math.BigInteger");

    @Override
    public String getConfigKey() {
        return "channelhub.graphql.plain-fields";
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        try {
            GraphQLCodeRegistry registry = (GraphQLCodeRegistry) read(builder, GraphQLSchema.Builder.class, "codeRegistry");
            @SuppressWarnings("unchecked")
            Map<FieldCoordinates, DataFetcherFactory<?>> fetchers =
                    (Map<FieldCoordinates, DataFetcherFactory<?>>) read(registry, GraphQLCodeRegistry.class, "dataFetcherMap");
            Map<FieldCoordinates, DataFetcher<?>> plain = new HashMap<>();
            for (Map.Entry<FieldCoordinates, DataFetcherFactory<?>> e : fetchers.entrySet()) {
                DataFetcher<?> fetcher = staticFetcher(e.getValue());
                if (fetcher instanceof FieldDataFetcher<?> smallrye) {
                    Accessor accessor = accessor(smallrye);
                    if (accessor != null) {
                        plain.put(e.getKey(), accessor);
                    }
                }
            }
            LOG.infof("GraphQL: %d plain properties served by direct accessors", plain.size());
            boolean noBlocking = "default".equals(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.smallrye-graphql.field-visibility", String.class).orElse("default"));
            return builder.codeRegistry(registry.transform(b -> {
                plain.forEach(b::dataFetcher);
                if (noBlocking) {
                    // SmallRye turns the setting's default value "default" into a BlockedFields rule with that one
                    // pattern, which then regex-matches every field of every selection; blocking nothing is the intent.
                    b.fieldVisibility(graphql.schema.visibility.DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY);
                }
            }));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A different graphql-java or SmallRye layout: keep SmallRye's fetchers, which are correct, only slower.
            LOG.warnf("GraphQL: plain property fetchers not installed (%s); SmallRye's are used", e.toString());
            return builder;
        }
    }

    private static DataFetcher<?> staticFetcher(DataFetcherFactory<?> factory) {
        try {
            return factory.get((graphql.schema.DataFetcherFactoryEnvironment) null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Accessor accessor(FieldDataFetcher<?> smallrye) throws ReflectiveOperationException {
        Field field = (Field) read(smallrye, FieldDataFetcher.class, "field");
        Reference owner = (Reference) read(smallrye, FieldDataFetcher.class, "owner");
        Reference ref = field.getReference();
        boolean plainType = ref.getType() == ReferenceType.SCALAR ? PLAIN_SCALARS.contains(ref.getClassName())
                : ref.getType() == ReferenceType.TYPE;
        if (!plainType || field.hasWrapper() || field.hasTransformation() || field.isAdaptingTo() || field.isAdaptingWith()
                || ref.isAdaptingTo() || ref.isAdaptingWith() || field.getMethodName() == null) {
            return null;
        }
        Class<?> ownerClass = ClassloadingService.get().loadClass(owner.getClassName());
        MethodHandle getter = MethodHandles.publicLookup().findVirtual(ownerClass, field.getMethodName(),
                MethodType.methodType(ownerClass.getMethod(field.getMethodName()).getReturnType()));
        return new Accessor(ownerClass, getter.asType(MethodType.methodType(Object.class, Object.class)), smallrye);
    }

    private static Object read(Object target, Class<?> declaring, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field f = declaring.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
    }

    /** A record accessor; any other source goes to SmallRye's fetcher. */
    static final class Accessor implements LightDataFetcher<Object> {
        private final Class<?> owner;
        private final MethodHandle getter;
        private final FieldDataFetcher<?> fallback;

        Accessor(Class<?> owner, MethodHandle getter, FieldDataFetcher<?> fallback) {
            this.owner = owner;
            this.getter = getter;
            this.fallback = fallback;
        }

        @Override
        public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment) throws Exception {
            if (source == null) {
                return null;
            }
            if (!owner.isInstance(source)) {
                return fallback.get(environment.get());
            }
            try {
                return getter.invokeExact(source);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
        }
    }
}
