package dev.channelhub.inventory.graphql;

import dev.channelhub.inventory.LocationView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("LocationConnection")
public class LocationConnection extends Connection<LocationView> {

    public static LocationConnection of(Page<LocationView> page) {
        Connection<LocationView> c = Connection.of(page, LocationView::id);
        LocationConnection out = new LocationConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
