package io.tickwire.config;

import java.util.List;

/** A TCP ingest producer's token and the venues its events may name ({@code *}: any). */
public record ProducerToken(Secret token, List<String> venues) {
}
