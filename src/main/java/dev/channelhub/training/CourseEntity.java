package dev.channelhub.training;

import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.VersionedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.util.List;

/**
 * A course ({@code course}, V16_1): master data written one at a time in the service's Hibernate Reactive transaction.
 * {@code materials} is {@code jsonb} held as its JSON text (Hibernate Reactive's JSON type binds only a Vert.x
 * {@code JsonObject}, never an array), read as text and written through a text cast, as {@code PolicyEntity} does.
 * Reads and other features' checks go through SQL ({@link CourseRepository}, {@link CertificationRepository}).
 */
@Entity
@Table(name = "course")
@IdClass(TenantKey.class)
public class CourseEntity extends VersionedTenantEntity {

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

    CourseView toView(List<CourseMaterial> materials) {
        return new CourseView(id.toString(), code, title, description, materials, passingScore, certificationValidDays, version,
                createdAt, updatedAt);
    }
}
