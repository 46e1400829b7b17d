package io.tickwire.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.config.Role;
import io.tickwire.testing.Await;
import io.tickwire.testing.FreePorts;
import io.tickwire.testing.LogCapture;
import io.tickwire.testing.Pipelines;
import io.tickwire.web.OpsVerticle;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node without the web role whose {@code web.port} is taken (by another node on the machine, here a plain socket)
 * takes the next free port and says which; with {@code web.ops_port_search=0} it fails naming the port; a node with
 * the web role never moves.
 */
@ExtendWith(VertxExtension.class)
class OpsPortSearchTest {

  @Test
  void aTakenOpsPortMovesToTheNextFreeOneAndTheLogSaysWhich(Vertx vertx) throws Exception {
    int port = FreePorts.loopback(1).get(0);
    try (ServerSocket taken = listen(port); LogCapture log = LogCapture.of(OpsVerticle.class.getName())) {
      Node node = Node.local(vertx, Pipelines.settings(vertx, List.of("inference.enabled=false",
          "web.port=" + port)), EnumSet.of(Role.COMPUTE)).build();
      Await.result(node.start());
      try {
        int actual = ((OpsVerticle) node.stages().get(0)).actualPort();
        assertThat(actual).isBetween(port + 1, port + 10);
        assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains("ops port " + port).contains("is taken"));
      } finally {
        Await.result(node.stop());
      }
    }
  }

  @Test
  void withNoSearchATakenOpsPortFailsTheStartNamingThePort(Vertx vertx) throws Exception {
    int port = FreePorts.loopback(1).get(0);
    try (ServerSocket taken = listen(port)) {
      Node node = Node.local(vertx, Pipelines.settings(vertx, List.of("inference.enabled=false",
          "web.port=" + port, "web.ops_port_search=0")), EnumSet.of(Role.COMPUTE)).build();
      Throwable failure = node.start().toCompletionStage().toCompletableFuture().handle((v, e) -> e).get();
      assertThat(failure).isNotNull();
      assertThat(failure.getMessage()).contains("port " + port).contains("is taken").contains("web.port");
      Await.result(node.releaseServers());
    }
  }

  private static ServerSocket listen(int port) throws Exception {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress("127.0.0.1", port));
    return socket;
  }
}
