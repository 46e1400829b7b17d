package io.tickwire.cli;

import io.tickwire.node.Node;
import io.tickwire.config.Role;
import io.tickwire.config.Settings;
import io.tickwire.connector.TcpIngestVerticle;
import io.tickwire.store.Database;
import io.tickwire.web.OpsVerticle;
import io.tickwire.web.WebVerticle;
import io.vertx.core.Deployable;
import java.nio.file.Path;
import java.util.Set;

/**
 * What a started node serves and where it keeps things, as {@link StartupBanner} shows them: the ports its servers
 * actually bound (not the configured ones, which may be 0), never a secret.
 *
 * @param clusterName null when the node runs alone
 * @param web the dashboard and API server, or null (no web role, or web.enabled false)
 * @param ops the ops-only server ({@code /health}, {@code /ready}, {@code /metrics}) of a node without the web role,
 *     or null
 * @param tcpIngest null when the node runs no TCP ingest (no ingest role, or ingest.tcp.enabled false)
 * @param apiTokenFile where the API token is kept; null with a web server means it comes from the environment
 * @param database the database as {@link Database#describe} says it, or null when the node opens none
 * @param databaseLog the embedded server's output file, or null
 */
record StartupFacts(Set<Role> roles, String clusterName, Endpoint web, Endpoint ops, Endpoint tcpIngest,
    Path apiTokenFile, Path dataDir, String database, Path databaseLog) {

  /** A listening server: its configured host and the port it bound. */
  record Endpoint(String host, int port) {
  }

  StartupFacts {
    roles = Set.copyOf(roles);
  }

  /** Read from {@code node} once it has started. */
  static StartupFacts of(Node node, Settings settings, Set<Role> roles, boolean clustered) {
    Endpoint web = null;
    Endpoint ops = null;
    Endpoint tcp = null;
    Path tokenFile = null;
    for (Deployable stage : node.stages()) {
      if (stage instanceof WebVerticle verticle) {
        web = new Endpoint(settings.web().host(), verticle.actualPort());
        tokenFile = verticle.apiTokenFile();
      } else if (stage instanceof OpsVerticle verticle) {
        ops = new Endpoint(settings.web().host(), verticle.actualPort());
      } else if (stage instanceof TcpIngestVerticle verticle) {
        tcp = new Endpoint(settings.tcpIngest().host(), verticle.actualPort());
      }
    }
    Database database = node.database();
    return new StartupFacts(roles, clustered ? settings.cluster().name() : null, web, ops,
        tcp, tokenFile,
        Path.of(settings.dataDir()).toAbsolutePath(), database == null ? null : database.describe(),
        database == null ? null : database.serverLog());
  }
}
