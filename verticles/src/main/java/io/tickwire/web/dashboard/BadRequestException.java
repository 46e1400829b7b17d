package io.tickwire.web.dashboard;

/** A client message the protocol does not accept; the message names the field and the value at fault. */
final class BadRequestException extends Exception {
  BadRequestException(String detail) {
    super(detail, null, false, false); // an answer to the client, not a fault here: no stack trace
  }
}
