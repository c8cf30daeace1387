package dev.channelhub.rebate;

import dev.channelhub.analytics.RebateAccrual;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The scorecard's {@code rebateAccrued}: settlements (claw-backs included) of periods starting in the scorecard's period. */
@ApplicationScoped
public class RebateScorecardAccrual implements RebateAccrual {

    private final RebateRepository repo;

    public RebateScorecardAccrual(RebateRepository repo) {
        this.repo = repo;
    }

    @Override
    public Uni<BigDecimal> accrued(SqlClient client, String tenant, UUID channelId, LocalDate from, LocalDate to) {
        return repo.accrued(client, tenant, channelId, from, to);
    }
}
