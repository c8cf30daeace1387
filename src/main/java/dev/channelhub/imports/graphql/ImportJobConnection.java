package dev.channelhub.imports.graphql;

import dev.channelhub.imports.ImportJobView;
import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import org.eclipse.microprofile.graphql.Type;

@Type("ImportJobConnection")
public class ImportJobConnection extends Connection<ImportJobView> {

    public static ImportJobConnection of(Page<ImportJobView> page) {
        Connection<ImportJobView> c = Connection.of(page, ImportJobView::id);
        ImportJobConnection out = new ImportJobConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
