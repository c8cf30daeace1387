package dev.channelhub.channel;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;

/** A channel's contact person. */
@Type("Contact")
@Input("ContactInput")
public record ContactView(@Size(max = 200) String name, @Size(max = 64) String phone, @Email @Size(max = 320) String email) {
}
