package nl.lpz.devtools;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} and {@code --flag} command-line options; anything else is an error. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(name, args[++i]);
            } else {
                values.put(name, "true");
            }
        }
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int getInt(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    double getDouble(String name, double fallback) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    /** Load is only ever sent to this machine: refuse any host outside the loopback range. */
    static String requireLoopback(String hostOrUrl) {
        String host = hostOrUrl;
        if (hostOrUrl.contains("://")) {
            String u = hostOrUrl.startsWith("jdbc:") ? hostOrUrl.substring(5) : hostOrUrl;
            host = URI.create(u).getHost();
        } else if (hostOrUrl.contains(":")) {
            host = hostOrUrl.substring(0, hostOrUrl.lastIndexOf(':'));
        }
        if (host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
            throw new IllegalArgumentException("only loopback targets are allowed, not " + hostOrUrl);
        }
        return hostOrUrl;
    }
}
