package io.tickwire.config;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a node runs. {@code all} is every role: the single-JVM default. */
public enum Role {
  /** Connectors and the router. */
  INGEST,
  /** Batchers, the feature stage and inference (rules and the optional model). */
  COMPUTE,
  /** Sinks. */
  PERSIST,
  /** Dashboard and API. */
  WEB;

  /** Parses {@code all} or a comma-separated list such as {@code ingest,compute}; names the bad role. */
  public static Set<Role> parse(String text) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (String part : text.split(",")) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      if (name.equals("all")) {
        roles.addAll(EnumSet.allOf(Role.class));
        continue;
      }
      try {
        roles.add(Role.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown role '" + part.trim() + "'; expected all or a comma-separated"
            + " list of ingest, compute, persist, web");
      }
    }
    return roles;
  }
}
