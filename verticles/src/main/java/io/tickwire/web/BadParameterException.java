package io.tickwire.web;

/** A query parameter the API cannot accept; the message names it, the bad value and what is allowed. */
final class BadParameterException extends RuntimeException {
  BadParameterException(String message) {
    super(message, null, false, false); // a client error, not a server fault: no stack trace to fill in
  }

  static BadParameterException invalid(String name, String value, String allowed) {
    return new BadParameterException("parameter '" + name + "' is '" + value + "'; expected " + allowed);
  }
}
