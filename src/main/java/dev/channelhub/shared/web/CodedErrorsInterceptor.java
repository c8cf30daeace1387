package dev.channelhub.shared.web;

import dev.channelhub.shared.error.ApiErrors;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Maps failures of GraphQL resolvers (thrown or inside a Uni/Multi) with the same rules REST uses. */
@CodedErrors
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class CodedErrorsInterceptor {

    @AroundInvoke
    Object map(InvocationContext ctx) throws Exception {
        Object result;
        try {
            result = ctx.proceed();
        } catch (Throwable t) {
            throw ApiErrors.from(t);
        }
        if (result instanceof Uni<?> uni) {
            return uni.onFailure().transform(ApiErrors::from);
        }
        if (result instanceof Multi<?> multi) {
            return multi.onFailure().transform(ApiErrors::from);
        }
        return result;
    }
}
