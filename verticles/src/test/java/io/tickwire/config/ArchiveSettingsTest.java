package io.tickwire.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The batch, archive and reconcile keys: defaults, and errors that name the key and the bad value. */
@ExtendWith(VertxExtension.class)
class ArchiveSettingsTest {
  private static Settings load(Vertx vertx, String... sets) {
    return Settings.from(Await.result(ConfigLoader.load(vertx, null, Map.of(), List.of(sets))));
  }

  @Test
  void defaults(Vertx vertx) {
    BatchSettings b = load(vertx).batch();
    assertThat(b.archiveEnabled()).isFalse();
    assertThat(b.archiveChunkMillis()).isEqualTo(60_000);
    assertThat(b.reconcileEnabled()).isTrue();
    assertThat(b.reconcileThreshold()).isEqualTo(0.005);
    assertThat(load(vertx, "data_dir=/srv/tw").archiveDir()).hasToString("/srv/tw/archive");
  }

  @Test
  void badValuesNameTheirKey(Vertx vertx) {
    assertThatThrownBy(() -> load(vertx, "archive.chunk=7m")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("archive.chunk").hasMessageContaining("7m").hasMessageContaining("divides a day");
    assertThatThrownBy(() -> load(vertx, "archive.chunk=soon")).hasMessageContaining("archive.chunk")
        .hasMessageContaining("soon");
    assertThatThrownBy(() -> load(vertx, "reconcile.threshold=2")).hasMessageContaining("reconcile.threshold");
    assertThatThrownBy(() -> load(vertx, "batch.every_ms=0")).hasMessageContaining("batch.every_ms");
  }
}
