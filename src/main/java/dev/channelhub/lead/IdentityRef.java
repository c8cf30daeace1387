package dev.channelhub.lead;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

/** One customer identity as the customer feature knows them (kind PHONE, EMAIL, WECHAT or EXTERNAL). */
@Input("LeadIdentityInput")
public record IdentityRef(
        @NotBlank @Pattern(regexp = "PHONE|EMAIL|WECHAT|EXTERNAL", message = "must be one of PHONE, EMAIL, WECHAT, EXTERNAL") String kind,
        @NotBlank @Size(max = 320) String value) {
}
