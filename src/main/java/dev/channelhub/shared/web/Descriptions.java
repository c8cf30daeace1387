package dev.channelhub.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one source of the API's descriptions: {@code src/main/resources/contract/descriptions/<area>.properties}. Both
 * faces read it: {@link DescriptionsOpenApiFilter} (OpenAPI schemas, properties, parameters) and
 * {@link GraphQLDescriptions} (GraphQL types, fields, arguments, input fields, enum values), so a field that exists in
 * both faces carries the same text. Key format (docs/DEVELOPING.md, "Descriptions"):
 * <ul>
 *   <li>{@code Channel} a type; {@code Channel.code} a field/property; {@code ChannelStatus.ACTIVE} an enum value;</li>
 *   <li>{@code Query.channels}, {@code Mutation.placeOrder}, {@code Subscription.orderStatusChanged} root fields;</li>
 *   <li>{@code Query.channels.first}, {@code ChannelGroup.members.first} GraphQL arguments; {@code listChannels.status}
 *       (the operationId, then the parameter) REST parameters; {@code *.first} an argument or parameter that means the
 *       same everywhere (used when no specific key exists);</li>
 *   <li>{@code Connection}, {@code Connection.edges}, {@code Edge.node}, {@code Page.items}: the generic texts of every
 *       {@code XConnection}, {@code XEdge}/{@code Edge_X} and REST {@code PageX} type; {@code {0}} in them is X.</li>
 * </ul>
 * Type names: the GraphQL name ({@code @Type}/{@code @Input}/{@code @Name}/{@code @Enum} value) when the type has one,
 * else the Java simple class name (which is the OpenAPI schema name). A GraphQL input {@code XInput} without keys of
 * its own uses the keys of {@code X} (the same record's output face); an OpenAPI schema uses the keys of its class's
 * GraphQL names first, then its own name.
 */
public final class Descriptions {

    /** The files, one per feature package. A new area needs its name here (ContractDescriptionsTest checks the list). */
    public static final List<String> AREAS = List.of("shared", "channel", "customer", "catalog", "pricing",
            "inventory", "order", "policy", "lead", "analytics", "events", "imports", "settings", "aftersales",
            "incentive", "funds", "rebate", "training", "sellthrough");
    public static final String LOCATION = "contract/descriptions/";

    private static final Pattern EDGE_PREFIX = Pattern.compile("Edge_(\\w+)");
    private static final Pattern EDGE_SUFFIX = Pattern.compile("(\\w+)Edge");
    private static final Pattern CONNECTION = Pattern.compile("(\\w+)Connection");
    private static final Pattern PAGE = Pattern.compile("Page([A-Z]\\w*)");

    private static volatile Descriptions loaded;

    private final Map<String, String> texts;

    /** A description found: the key that gave it and its text (placeholders filled). */
    public record Hit(String key, String text) {
    }

    public Descriptions(Map<String, String> texts) {
        this.texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    /** The files on the class path (read once). */
    public static Descriptions load() {
        Descriptions d = loaded;
        if (d == null) {
            d = new Descriptions(read(Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : Descriptions.class.getClassLoader()));
            loaded = d;
        }
        return d;
    }

    static Map<String, String> read(ClassLoader loader) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String area : AREAS) {
            try (InputStream in = loader.getResourceAsStream(LOCATION + area + ".properties")) {
                if (in == null) {
                    continue;
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                p.stringPropertyNames().forEach(k -> all.put(k, p.getProperty(k).strip()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    public Map<String, String> texts() {
        return texts;
    }

    /** Names to try for a GraphQL type: its own, then (for {@code XInput}) {@code X}. */
    public static List<String> graphqlNames(String graphqlName) {
        List<String> names = new ArrayList<>(2);
        names.add(graphqlName);
        if (graphqlName.endsWith("Input") && graphqlName.length() > "Input".length()) {
            names.add(graphqlName.substring(0, graphqlName.length() - "Input".length()));
        }
        return names;
    }

    /** A type's description. */
    public Hit type(List<String> names) {
        for (String name : names) {
            Hit hit = get(name, null);
            if (hit != null) {
                return hit;
            }
        }
        for (String name : names) {
            String[] family = family(name);
            if (family != null) {
                return get(family[0], family[1]);
            }
        }
        return null;
    }

    /** A field, property, input field or enum value of a type known by {@code names}. */
    public Hit member(List<String> names, String member) {
        for (String name : names) {
            Hit hit = get(name + "." + member, null);
            if (hit != null) {
                return hit;
            }
        }
        for (String name : names) {
            String[] family = family(name);
            if (family != null) {
                return get(family[0] + "." + member, family[1]);
            }
        }
        return null;
    }

    /**
     * An argument or parameter: {@code <owner>.<argument>} for each owner ({@code Query.channels},
     * {@code ChannelGroup.members}, or a REST operationId), then {@code *.<argument>}.
     */
    public Hit argument(List<String> owners, String argument) {
        for (String owner : owners) {
            Hit hit = get(owner + "." + argument, null);
            if (hit != null) {
                return hit;
            }
        }
        return get("*." + argument, null);
    }

    private Hit get(String key, String subject) {
        String text = texts.get(key);
        if (text == null || text.isBlank()) {
            return null;
        }
        return new Hit(key, subject == null ? text : text.replace("{0}", subject));
    }

    /**
     * The generic family of a paging type: {@code [Connection|Edge|Page, X]}, or null. {@code PageInfo} is a type of
     * its own.
     */
    static String[] family(String typeName) {
        if (typeName.equals("PageInfo")) {
            return null;
        }
        Matcher m = EDGE_PREFIX.matcher(typeName);
        if (m.matches()) {
            return new String[] {"Edge", m.group(1)};
        }
        m = EDGE_SUFFIX.matcher(typeName);
        if (m.matches()) {
            return new String[] {"Edge", m.group(1)};
        }
        m = CONNECTION.matcher(typeName);
        if (m.matches()) {
            return new String[] {"Connection", m.group(1)};
        }
        m = PAGE.matcher(typeName);
        if (m.matches()) {
            String item = m.group(1);
            return new String[] {"Page", item.endsWith("View") && item.length() > 4 ? item.substring(0, item.length() - 4) : item};
        }
        return null;
    }

    /** Every key of the files, for the stale-key check. */
    public Set<String> keys() {
        return new LinkedHashSet<>(texts.keySet());
    }
}
