package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

import java.util.List;

/**
 * The TCP frame ingest ({@code ingest.tcp.*}): {@code [4-byte big-endian length][UTF-8 v1 JSON event]} per frame.
 * {@code decoders}: event loops sharing the port, each connection on one. {@code idleTimeoutMs} 0: never closed
 * for silence; {@code tokens} empty: no handshake; {@code tls} null: plain TCP.
 */
public record TcpIngestSettings(boolean enabled, String host, int port, int maxFrameBytes, int maxConnections,
    int batchSize, long idleTimeoutMs, int maxConnectionsPerAddress, List<ProducerToken> tokens, Pem tls,
    int decoders) {

  static TcpIngestSettings from(ConfigReader r) {
    return new TcpIngestSettings(r.bool("ingest.tcp.enabled"), r.string("ingest.tcp.host"),
        (int) r.integer("ingest.tcp.port", 0, 65_535), (int) r.integer("ingest.tcp.max_frame_bytes", 64, 64 << 20),
        (int) r.integer("ingest.tcp.max_connections", 1, 100_000), (int) r.integer("ingest.tcp.batch_size", 1, 65_536),
        r.integer("ingest.tcp.idle_timeout_ms", 0, 24 * HOUR_MS),
        (int) r.integer("ingest.tcp.max_connections_per_address", 1, 100_000),
        Credentials.producerTokens(r, "ingest.tcp.tokens"), Credentials.pem(r, "ingest.tcp.tls"),
        (int) r.integer("ingest.tcp.decoders", 1, 64));
  }
}
