package io.tickwire.config;

/** PEM private key and certificate chain files (the TCP ingest's and the cluster event bus's TLS). */
public record Pem(String key, String cert) {
}
