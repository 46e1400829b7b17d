package io.tickwire.cli;

import io.tickwire.config.Role;
import io.tickwire.web.WebVerticle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The few plain lines {@code tickwire run} prints on stderr once its node is up: where the dashboard and the API
 * are, what else listens, and where the node keeps its token and data. Built from {@link StartupFacts} only, which
 * hold no secret: the token is named by its file, never shown.
 */
final class StartupBanner {
  private static final String LABEL_FORMAT = "  %-11s %s";
  /** Bound to every interface: a browser or a producer on this machine reaches it as localhost. */
  private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "0:0:0:0:0:0:0:0", "");

  private StartupBanner() {
  }

  static String render(StartupFacts facts) {
    return String.join(System.lineSeparator(), lines(facts)) + System.lineSeparator();
  }

  static List<String> lines(StartupFacts facts) {
    List<String> lines = new ArrayList<>();
    lines.add(headline(facts));
    addWeb(lines, facts);
    addOps(lines, facts);
    addTcpIngest(lines, facts);
    addApiToken(lines, facts);
    lines.add(line("data", facts.dataDir().toString()));
    addDatabase(lines, facts);
    return lines;
  }

  private static String headline(StartupFacts facts) {
    String roles = facts.roles().stream().sorted().map(role -> role.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
    String cluster = facts.clusterName() == null ? "" : " in cluster " + facts.clusterName();
    return "tickwire is up" + cluster + ": roles " + roles;
  }

  private static void addWeb(List<String> lines, StartupFacts facts) {
    if (facts.web() != null) {
      String base = url(facts.web());
      lines.add(line("dashboard", base + "/"));
      lines.add(line("API", base + "/api"));
    }
  }

  private static void addOps(List<String> lines, StartupFacts facts) {
    if (facts.ops() != null) {
      lines.add(line("ops", url(facts.ops()) + " (/health, /ready, /metrics)"));
    }
  }

  /** An ingest node without TCP ingest says so: producers would otherwise look for the default port. */
  private static void addTcpIngest(List<String> lines, StartupFacts facts) {
    if (facts.tcpIngest() != null) {
      lines.add(line("TCP ingest", address(facts.tcpIngest())));
    } else if (facts.roles().contains(Role.INGEST)) {
      lines.add(line("TCP ingest", "off"));
    }
  }

  private static void addApiToken(List<String> lines, StartupFacts facts) {
    if (facts.web() != null) {
      lines.add(line("API token", facts.apiTokenFile() == null ? "from the environment (" + WebVerticle.API_TOKEN_ENV + ")"
          : facts.apiTokenFile() + " (for rule changes)"));
    }
  }

  private static void addDatabase(List<String> lines, StartupFacts facts) {
    if (facts.database() != null) {
      String log = facts.databaseLog() == null ? "" : "; its log " + facts.databaseLog();
      lines.add(line("PostgreSQL", facts.database() + log));
    }
  }

  private static String url(StartupFacts.Endpoint endpoint) {
    return "http://" + address(endpoint);
  }

  private static String address(StartupFacts.Endpoint endpoint) {
    String host = WILDCARDS.contains(endpoint.host()) ? "localhost" : endpoint.host();
    String bracketed = host.contains(":") ? "[" + host + "]" : host;
    return bracketed + ":" + endpoint.port();
  }

  private static String line(String label, String value) {
    return String.format(Locale.ROOT, LABEL_FORMAT, label, value);
  }
}
