package dev.channelhub.training.graphql;

import dev.channelhub.shared.paging.Connection;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.training.CourseView;
import org.eclipse.microprofile.graphql.Type;

@Type("CourseConnection")
public class CourseConnection extends Connection<CourseView> {

    public static CourseConnection of(Page<CourseView> page) {
        Connection<CourseView> c = Connection.of(page, CourseView::id);
        CourseConnection out = new CourseConnection();
        out.edges = c.edges;
        out.pageInfo = c.pageInfo;
        return out;
    }
}
