package io.tickwire.web;

/**
 * A request the API refuses, with the status, the stable error code and the detail its {@code {"error","detail"}}
 * body carries. Thrown (or failed with) anywhere in a handler's chain; {@link Replies} answers it.
 */
final class ApiException extends RuntimeException {
  private final int status;
  private final String error;

  ApiException(int status, String error, String detail) {
    super(detail, null, false, false); // a client's mistake, not a server fault: no stack trace to fill in
    this.status = status;
    this.error = error;
  }

  static ApiException badRequest(String detail) {
    return new ApiException(400, "bad_request", detail);
  }

  /** A query parameter the API cannot accept: names it, the bad value and what is allowed. */
  static ApiException badParameter(String name, String value, String allowed) {
    return badRequest("parameter '" + name + "' is '" + value + "'; expected " + allowed);
  }

  static ApiException notFound(String detail) {
    return new ApiException(404, "not_found", detail);
  }

  static ApiException noDatabase() {
    return new ApiException(503, "database_unavailable", "no database is open on this node");
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }
}
