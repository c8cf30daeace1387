package dev.channelhub.aftersales;

import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "service_case_comment")
@IdClass(TenantKey.class)
public class ServiceCaseCommentEntity extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id", length = 64)
    public String tenantId;

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "body", length = 4000, nullable = false)
    public String body;

    @Column(name = "author", length = 200)
    public String author;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public ServiceCaseCommentView toView() {
        return new ServiceCaseCommentView(id.toString(), caseId.toString(), body, author, createdAt);
    }
}
