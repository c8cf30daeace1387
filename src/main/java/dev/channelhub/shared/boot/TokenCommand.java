package dev.channelhub.shared.boot;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar quarkus-run.jar token --tenant demo --roles admin [--channel ID] [--sub NAME] [--ttl SECONDS]}
 * prints a token signed with the dev key that a server on the same data directory accepts.
 */
final class TokenCommand {

    private TokenCommand() {
    }

    static int run(String[] args, Path dataDir) throws Exception {
        Map<String, String> options;
        try {
            options = CommandOptions.parse(args, Set.of("--tenant", "--roles", "--channel", "--sub", "--ttl"));
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        String tenant = options.get("--tenant");
        String roles = options.getOrDefault("--roles", "admin");
        String channel = options.get("--channel");
        String sub = options.getOrDefault("--sub", "dev-user");
        long ttl = Long.parseLong(options.getOrDefault("--ttl", Long.toString(8 * 3600)));
        if (tenant == null) {
            return usage("--tenant is required");
        }
        List<String> groups = Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        String issuer = System.getenv().getOrDefault("MP_JWT_VERIFY_ISSUER", DevKeys.DEV_ISSUER);
        System.out.println(DevKeys.ensure(dataDir.resolve("keys")).sign(issuer, sub, tenant, groups, channel, ttl));
        return 0;
    }

    private static int usage(String problem) {
        System.err.println("token: " + problem);
        System.err.println("usage: token --tenant TENANT [--roles admin,manager,sales,partner,integration] [--channel CHANNEL_ID] [--sub USER] [--ttl SECONDS]");
        return 2;
    }
}
