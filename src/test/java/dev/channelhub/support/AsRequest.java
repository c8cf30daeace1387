package dev.channelhub.support;

import dev.channelhub.shared.persistence.RequestContexts;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Runs a service call the way an HTTP request runs it: on a fresh duplicated Vert.x context marked as a request's, so
 * its statements count in {@link SqlCounter#current()} (work outside requests counts as background).
 */
public final class AsRequest {

    private AsRequest() {
    }

    public static <T> T await(Supplier<Uni<T>> call) {
        Context context = VertxContext.createNewDuplicatedContext(io.quarkus.arc.Arc.container().instance(Vertx.class).get().getOrCreateContext());
        return Uni.createFrom().<T>emitter(em -> context.runOnContext(v -> {
            RequestContexts.mark(context);
            Uni<T> uni;
            try {
                uni = call.get();
            } catch (RuntimeException e) {
                em.fail(e);
                return;
            }
            uni.subscribe().with(em::complete, em::fail);
        })).await().indefinitely();
    }
}
