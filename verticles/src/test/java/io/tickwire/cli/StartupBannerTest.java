package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.config.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the start-up banner says for a given node, line by line, and that it never carries the API token. */
class StartupBannerTest {
  private static final Path DATA = Path.of("/srv/tickwire/data");
  private static final Path TOKEN_FILE = DATA.resolve("api-token");
  private static final String EMBEDDED = "embedded, postgres@localhost:41234/postgres";

  @Test
  void aSingleNodeNamesItsUrlsPortsTokenFileDataAndDatabaseLog() {
    StartupFacts facts = new StartupFacts(EnumSet.allOf(Role.class), null, endpoint("0.0.0.0", 39879), null,
        endpoint("0.0.0.0", 34961), TOKEN_FILE, DATA, EMBEDDED, DATA.resolve("pg.log"));

    assertThat(StartupBanner.lines(facts)).containsExactly(
        "tickwire is up: roles ingest, compute, persist, web",
        "  dashboard   http://localhost:39879/",
        "  API         http://localhost:39879/api",
        "  TCP ingest  localhost:34961",
        "  API token   /srv/tickwire/data/api-token (for rule changes)",
        "  data        /srv/tickwire/data",
        "  PostgreSQL  embedded, postgres@localhost:41234/postgres; its log /srv/tickwire/data/pg.log");
  }

  @Test
  void aClusteredComputeNodeShowsItsOpsServerAndNoDashboardTokenOrIngest() {
    StartupFacts facts = new StartupFacts(Set.of(Role.COMPUTE), "prod", null, endpoint("0.0.0.0", 8081), null, null,
        DATA, null, null);

    assertThat(StartupBanner.lines(facts)).containsExactly(
        "tickwire is up in cluster prod: roles compute",
        "  ops         http://localhost:8081 (/health, /ready, /metrics)",
        "  data        /srv/tickwire/data");
  }

  @Test
  void aSpecificHostIsKeptAndTcpIngestTurnedOffSaysSo() {
    StartupFacts facts = new StartupFacts(Set.of(Role.INGEST, Role.WEB), null, endpoint("192.168.1.5", 8080), null,
        null, TOKEN_FILE, DATA, "tickwire@db.example.com:5432/market", null);

    assertThat(StartupBanner.lines(facts)).contains(
        "  dashboard   http://192.168.1.5:8080/",
        "  TCP ingest  off",
        "  PostgreSQL  tickwire@db.example.com:5432/market");
  }

  @Test
  void anIpv6HostIsBracketedInUrls() {
    StartupFacts facts = new StartupFacts(Set.of(Role.WEB), null, endpoint("::1", 8080), null, null, TOKEN_FILE,
        DATA, null, null);

    assertThat(StartupBanner.lines(facts)).contains("  API         http://[::1]:8080/api");
  }

  @Test
  void aTokenFromTheEnvironmentIsNamedByItsVariable() {
    StartupFacts facts = new StartupFacts(Set.of(Role.WEB), null, endpoint("0.0.0.0", 8080), null, null, null, DATA,
        null, null);

    assertThat(StartupBanner.lines(facts)).contains("  API token   from the environment (TICKWIRE_API_TOKEN)");
  }

  @Test
  void theTokenItselfNeverAppears(@TempDir Path dataDir) throws IOException {
    String token = "J6uMIfQB-LDQEWDjGtk0GSWuUyQoUhu2TvTyED-9DTY";
    Path tokenFile = Files.writeString(dataDir.resolve("api-token"), token);
    StartupFacts facts = new StartupFacts(EnumSet.allOf(Role.class), null, endpoint("0.0.0.0", 8080), null,
        endpoint("0.0.0.0", 9001), tokenFile, dataDir, EMBEDDED, dataDir.resolve("pg.log"));

    String banner = StartupBanner.render(facts);

    assertThat(banner).contains(tokenFile.toString()).doesNotContain(token);
    assertThat(banner.chars()).as("plain text: no escape codes").doesNotContain(0x1b);
  }

  private static StartupFacts.Endpoint endpoint(String host, int port) {
    return new StartupFacts.Endpoint(host, port);
  }
}
