package dev.channelhub.shared.boot;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar quarkus-run.jar token --tenant demo --roles admin [--channel ID] [--sub NAME] [--ttl SECONDS]}
 * prints a token signed with the dev key that a server on the same data directory accepts.
 */
final class TokenCommand {

    private TokenCommand() {
    }

    static int run(String[] args, Path dataDir) throws Exception {
        String tenant = null;
        String roles = "admin";
        String channel = null;
        String sub = "dev-user";
        long ttl = 8 * 3600;
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            String value = i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                return usage("missing value for " + flag);
            }
            switch (flag) {
                case "--tenant" -> tenant = value;
                case "--roles" -> roles = value;
                case "--channel" -> channel = value;
                case "--sub" -> sub = value;
                case "--ttl" -> ttl = Long.parseLong(value);
                default -> {
                    return usage("unknown option " + flag);
                }
            }
        }
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
