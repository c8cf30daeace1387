package dev.channelhub.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/** Identity rules from configuration: the default phone region and the junk blocklist. */
@ApplicationScoped
public class CustomerConfig {

    @Produces
    @jakarta.inject.Singleton
    IdentityNormalizer normalizer(
            @ConfigProperty(name = "channelhub.customers.default-region", defaultValue = "CN") String region,
            @ConfigProperty(name = "channelhub.customers.junk-identities") List<String> junk) {
        return new IdentityNormalizer(region, junk);
    }
}
