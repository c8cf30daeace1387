package dev.channelhub.channel;

import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.VersionedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A channel group's header ({@code channel_group}, V2_1): code, name and rule. Its static members
 * ({@code channel_group_member}) are rows that membership SQL joins, so they stay SQL (written on the same session).
 * A null {@code rule_*} array is a rule field that is not set; {@code hasRule} false means no rule at all.
 * The arrays are declared {@code _text} (PostgreSQL's own name for {@code text[]}): schema validation compares the
 * type name the reactive metadata reports, which is {@code _text}.
 */
@Entity
@Table(name = "channel_group")
@IdClass(TenantKey.class)
public class ChannelGroupEntity extends VersionedTenantEntity {

    @Column(name = "code", length = 64, nullable = false)
    public String code;

    @Column(name = "name", length = 200, nullable = false)
    public String name;

    @Column(name = "has_rule", nullable = false)
    public boolean hasRule;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "rule_types", columnDefinition = "_text")
    public String[] ruleTypes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "rule_tiers", columnDefinition = "_text")
    public String[] ruleTiers;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "rule_regions", columnDefinition = "_text")
    public String[] ruleRegions;

    GroupRule rule() {
        if (!hasRule) {
            return null;
        }
        return new GroupRule(ruleTypes == null ? null : Arrays.stream(ruleTypes).map(ChannelType::valueOf).toList(),
                ruleTiers == null ? null : List.of(ruleTiers), ruleRegions == null ? null : List.of(ruleRegions));
    }

    void setRule(GroupRule rule) {
        hasRule = rule != null;
        ruleTypes = rule == null || rule.types() == null ? null : rule.types().stream().map(Enum::name).toArray(String[]::new);
        ruleTiers = rule == null || rule.tiers() == null ? null : rule.tiers().toArray(new String[0]);
        ruleRegions = rule == null || rule.regions() == null ? null : rule.regions().toArray(new String[0]);
    }

    /**
     * The view, with the static members given, ordered as PostgreSQL orders uuids (bytewise, which is the order of
     * their lower-case text) like the SQL reads of the same group.
     */
    ChannelGroupView toView(List<UUID> memberIds) {
        return new ChannelGroupView(id.toString(), code, name, memberIds.stream().map(UUID::toString).distinct().sorted().toList(),
                rule(), version, createdAt, updatedAt);
    }
}
