package dev.channelhub.analytics.foresight.graphql;

import dev.channelhub.analytics.foresight.AtRiskCustomer;
import dev.channelhub.analytics.foresight.ChurnReport;
import dev.channelhub.shared.paging.Connection;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The GraphQL face of {@link ChurnReport}: the at-risk customers as a connection. */
@Type("ChurnReport")
public record ChurnReportGraph(@Id String channelId, @NonNull LocalDate asOf, int inactiveDays, long activeCustomers, long churnedCustomers,
                               BigDecimal churnRate, @NonNull AtRiskCustomerConnection atRisk) {

    static ChurnReportGraph of(ChurnReport r) {
        return new ChurnReportGraph(r.channelId(), r.asOf(), r.inactiveDays(), r.activeCustomers(), r.churnedCustomers(), r.churnRate(),
                AtRiskCustomerConnection.of(r.atRisk()));
    }

    @Type("AtRiskCustomerConnection")
    public static class AtRiskCustomerConnection extends Connection<AtRiskCustomer> {

        static AtRiskCustomerConnection of(dev.channelhub.shared.paging.Page<AtRiskCustomer> page) {
            Connection<AtRiskCustomer> c = Connection.of(page, AtRiskCustomer::cursorKey);
            AtRiskCustomerConnection out = new AtRiskCustomerConnection();
            out.edges = c.edges;
            out.pageInfo = c.pageInfo;
            return out;
        }
    }
}
