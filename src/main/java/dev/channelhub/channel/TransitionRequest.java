package dev.channelhub.channel;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

/** {@code POST /channels/{id}/transition} and GraphQL {@code TransitionChannelInput}. */
@Input("TransitionChannelInput")
public record TransitionRequest(@NotNull ChannelStatus to, @Size(max = 1000) String reason) {
}
