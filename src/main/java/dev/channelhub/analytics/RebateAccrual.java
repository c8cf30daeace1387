package dev.channelhub.analytics;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What a channel accrued from rebate settlements of periods starting in [from, to] (implemented by the rebate feature). */
public interface RebateAccrual {

    Uni<BigDecimal> accrued(SqlClient client, String tenant, UUID channelId, LocalDate from, LocalDate to);
}
