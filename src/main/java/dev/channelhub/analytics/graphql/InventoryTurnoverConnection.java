package dev.channelhub.analytics.graphql;

import dev.channelhub.analytics.InventoryTurnoverRow;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("InventoryTurnoverConnection")
public class InventoryTurnoverConnection extends Connection<InventoryTurnoverRow> {

    public static InventoryTurnoverConnection of(Page<InventoryTurnoverRow> page) {
        Connection<InventoryTurnoverRow> c = Connection.of(page, InventoryTurnoverRow::cursorKey);
        InventoryTurnoverConnection out = new InventoryTurnoverConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
