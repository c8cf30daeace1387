package dev.channelhub.training;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Courses. Creation is a {@link CourseEntity} in the service's Hibernate Reactive transaction; reads are SQL on the pool
 * (GraphQL resolves sibling fields in parallel and a session allows one operation at a time). Scoped by tenant.
 */
@ApplicationScoped
public class CourseRepository implements PanacheRepositoryBase<CourseEntity, TenantKey> {

    private static final String COLUMNS = """
            id, code, title, description, materials::text as materials, passing_score, certification_valid_days, version,
            created_at, updated_at""";

    private static final String FIND = """
            select %s from course where tenant_id = $1 and id = $2""".formatted(COLUMNS);

    private static final String LIST = """
            select %s from course where tenant_id = $1 and ($2::uuid is null or id > $2) order by id limit $3""".formatted(COLUMNS);

    private static final TypeReference<List<CourseMaterial>> MATERIALS = new TypeReference<>() {
    };

    private final Db db;
    private final ObjectMapper mapper;

    public CourseRepository(Db db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    public Uni<Optional<CourseView>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, FIND, Tuple.of(tenant, id), this::toView);
    }

    public Uni<List<CourseView>> list(String tenant, UUID after, int fetch) {
        return db.list(LIST, Tuple.of(tenant, after, fetch), this::toView);
    }

    String materialsJson(List<CourseMaterial> materials) {
        try {
            return mapper.writeValueAsString(materials);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<CourseMaterial> materials(String json) {
        try {
            return json == null ? List.of() : List.copyOf(mapper.readValue(json, MATERIALS));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CourseView toView(Row r) {
        return new CourseView(r.getUUID("id").toString(), r.getString("code"), r.getString("title"), r.getString("description"),
                materials(r.getString("materials")), r.getInteger("passing_score"), r.getInteger("certification_valid_days"),
                r.getInteger("version"), r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant());
    }

    static java.time.OffsetDateTime utc(java.time.Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
