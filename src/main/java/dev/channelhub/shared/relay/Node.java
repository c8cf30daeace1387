package dev.channelhub.shared.relay;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * The Relay {@code Node} interface: an object that {@code Query.node(id)} can fetch again by its id. Implemented by the
 * views of the resources that have a read-one operation (a record's {@code id()} accessor is the field).
 */
@Interface("Node")
@Description("An object with a global id: Query.node(id) and Query.nodes(ids) fetch it again, with the caller's rights. "
        + "The id is the object's own id field (a UUID, the same value the REST API uses), unique across all types.")
public interface Node {

    /** {@code @Query} marks this accessor-style method as the interface's field (SmallRye reads get/is methods otherwise). */
    @Query("id")
    @NonNull
    @Id
    @Description("The object's id; the same value in REST paths and in node(id)")
    String id();
}
