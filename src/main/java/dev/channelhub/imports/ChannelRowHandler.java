package dev.channelhub.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channelhub.channel.ChannelService;
import dev.channelhub.channel.CreateChannelRequest;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code POST /imports/channels}: rows are {@code CreateChannelRequest}s (CSV: code,name,type,region,tier,...,contact.email). */
@ApplicationScoped
public class ChannelRowHandler implements ImportRowHandler {

    @Inject
    ChannelService channels;

    @Inject
    ObjectMapper mapper;

    @Override
    public String kind() {
        return "channels";
    }

    @Override
    public Uni<Void> apply(Caller caller, ObjectNode row) {
        return Uni.createFrom().item(() -> Rows.convert(mapper, row, CreateChannelRequest.class))
                .flatMap(request -> channels.create(caller, request, null)).replaceWithVoid();
    }
}
