package dev.channelhub.training;

import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A course ({@code course}, V16_1): master data written one at a time in the service's Hibernate Reactive transaction.
 * {@code materials} is {@code jsonb} held as its JSON text (Hibernate Reactive's JSON type binds only a Vert.x
 * {@code JsonObject}, never an array), read as text and written through a text cast, as {@code PolicyEntity} does.
 * Reads and other features' checks go through SQL ({@link CourseRepository}, {@link CertificationRepository}).
 */
@Entity
@Table(name = "course")
@IdClass(TenantKey.class)
public class CourseEntity extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id", length = 64)
    public String tenantId;

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "code", length = 64, nullable = false)
    public String code;

    @Column(name = "title", length = 200, nullable = false)
    public String title;

    @Column(name = "description", length = 4000)
    public String description;

    @Column(name = "materials", columnDefinition = "jsonb", nullable = false)
    @ColumnTransformer(read = "cast(materials as text)", write = "cast(cast(? as text) as jsonb)")
    public String materialsJson;

    @Column(name = "passing_score", nullable = false)
    public int passingScore;

    @Column(name = "certification_valid_days")
    public Integer certificationValidDays;

    @Column(name = "created_by", length = 200)
    public String createdBy;

    @Version
    @Column(name = "version", nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    CourseView toView(List<CourseMaterial> materials) {
        return new CourseView(id.toString(), code, title, description, materials, passingScore, certificationValidDays, version,
                createdAt, updatedAt);
    }
}
