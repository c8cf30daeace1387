package dev.channelhub.events.graphql;

import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Works around a SmallRye GraphQL 2.17 leak: a WebSocket subscription leaves its GraphQL context in a thread-local
 * of the event-loop thread, and later REST requests on that thread then fail Bean Validation message interpolation
 * (the GraphQL locale resolver finds a context without a DataFetchingEnvironment). The stale context is cleared
 * after a subscription is set up, after the feed pushes events, and before every HTTP request.
 */
@ApplicationScoped
public class GraphQLContextLeak {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            clear();
            rc.next();
        });
    }

    public static void clear() {
        SmallRyeContextManager.clearCurrentSmallRyeContext();
    }

    public static void clearAfterCurrentTask() {
        Context context = Vertx.currentContext();
        if (context != null) {
            context.runOnContext(v -> clear());
        }
    }
}
