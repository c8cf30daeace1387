package dev.channelhub.lead;

import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.persistence.TenantKey;
import dev.channelhub.shared.persistence.VersionedTenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A lead routing rule ({@code lead_routing_rule}, V6_1). {@code version} is the contract's version (ETag / If-Match):
 * Hibernate adds one on every update and checks it in the update's where clause. A null {@code match_*} array is a
 * match field that is not set. The arrays are declared {@code _text} (PostgreSQL's name for {@code text[]}, what
 * schema validation compares). Routing reads the rules with SQL ({@link LeadRoutingRuleRepository#rules}); only the
 * lead feature uses this class.
 */
@Entity
@Table(name = "lead_routing_rule")
@IdClass(TenantKey.class)
public class LeadRoutingRuleEntity extends VersionedTenantEntity {

    @Column(name = "priority", nullable = false)
    public int priority;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "match_regions", columnDefinition = "_text")
    public String[] matchRegions;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "match_categories", columnDefinition = "_text")
    public String[] matchCategories;

    @Column(name = "match_min_value", precision = 19, scale = 4)
    public BigDecimal matchMinValue;

    @Column(name = "target_channel_id")
    public UUID targetChannelId;

    @Column(name = "target_group_id")
    public UUID targetGroupId;

    /** Sets priority, match and target from a (checked) request; an empty match list is stored as not set. */
    void set(RoutingRuleRequest r, UUID channel, UUID group) {
        RuleMatch m = r.match() == null ? new RuleMatch(null, null, null) : r.match();
        priority = r.priority();
        matchRegions = array(m.regions());
        matchCategories = array(m.categories());
        matchMinValue = m.minValue();
        targetChannelId = channel;
        targetGroupId = group;
    }

    RoutingRuleView toView() {
        return new RoutingRuleView(id.toString(), priority,
                new RuleMatch(list(matchRegions), list(matchCategories), Money.round(matchMinValue, Money.DEFAULT_CURRENCY)),
                new RuleTarget(str(targetChannelId), str(targetGroupId)), version, createdAt, updatedAt);
    }

    static String[] array(List<String> values) {
        return values == null || values.isEmpty() ? null : values.stream().map(String::trim).distinct().toArray(String[]::new);
    }

    private static List<String> list(String[] values) {
        return values == null ? null : List.of(values);
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
