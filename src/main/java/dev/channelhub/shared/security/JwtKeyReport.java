package dev.channelhub.shared.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/** Says at start-up which key verifies tokens, so production never runs on a dev key unnoticed. */
@ApplicationScoped
public class JwtKeyReport {

    private static final Logger LOG = Logger.getLogger(JwtKeyReport.class);

    void onStart(@Observes StartupEvent event) {
        var config = ConfigProvider.getConfig();
        String location = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).orElse("(inline key)");
        String issuer = config.getOptionalValue("mp.jwt.verify.issuer", String.class).orElse("(any)");
        if (Boolean.getBoolean("channelhub.jwt.dev-key")) {
            LOG.warnf("JWT: no key configured, verifying with the generated DEV key %s (issuer %s). "
                    + "Set MP_JWT_VERIFY_PUBLICKEY_LOCATION and MP_JWT_VERIFY_ISSUER in production.", location, issuer);
        } else {
            LOG.infof("JWT: verifying tokens with public key %s, issuer %s", location, issuer);
        }
        config.getOptionalValue("channelhub.database", String.class)
                .ifPresent(db -> LOG.infof("Database: %s", db));
    }
}
