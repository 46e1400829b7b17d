package io.tickwire.web.dashboard;

/** A valid message from a dashboard client. */
sealed interface ClientRequest {
  /** Replace the client's subscription. */
  record Subscribe(Subscription subscription) implements ClientRequest {
  }

  /** Answer with a pong: the client checks the connection is alive. */
  record Ping() implements ClientRequest {
  }
}
