package dev.channelhub.training.graphql;

import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import dev.channelhub.training.CompleteCourseRequest;
import dev.channelhub.training.CompletionView;
import dev.channelhub.training.CourseService;
import dev.channelhub.training.CourseView;
import dev.channelhub.training.CreateCourseRequest;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@CodedErrors
public class CourseGraphQL {

    private final CourseService service;
    private final CurrentCaller caller;

    public CourseGraphQL(CourseService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @Query("course")
    public Uni<CourseView> course(@NonNull @Id String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "course"));
    }

    @Query("courses")
    public Uni<@NonNull CourseConnection> courses(Integer first, String after) {
        return service.list(caller.get(), PageRequest.of(first, after, "first", "after")).map(CourseConnection::of);
    }

    @Query("channelCertifications")
    public Uni<@NonNull CertificationConnection> channelCertifications(@NonNull @Id String channelId, Boolean valid, Integer first,
                                                                       String after) {
        return service.ofChannel(caller.get(), Ids.parseOrNotFound(channelId, "channel"), Boolean.TRUE.equals(valid),
                PageRequest.of(first, after, "first", "after")).map(CertificationConnection::of);
    }

    @Mutation("createCourse")
    public Uni<CourseView> createCourse(@NonNull CreateCourseRequest input, String idempotencyKey) {
        return service.create(caller.get(), input, idempotencyKey).map(Outcome::body);
    }

    @Mutation("completeCourse")
    public Uni<CompletionView> completeCourse(@NonNull @Id String courseId, @NonNull CompleteCourseRequest input, String idempotencyKey) {
        return service.complete(caller.get(), Ids.parseOrNotFound(courseId, "course"), input, idempotencyKey).map(Outcome::body);
    }
}
