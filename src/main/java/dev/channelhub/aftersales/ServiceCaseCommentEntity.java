package dev.channelhub.aftersales;

import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "service_case_comment")
@IdClass(TenantKey.class)
public class ServiceCaseCommentEntity extends TenantEntity {

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
