package org.mymoviedb.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.graphql.ResponseErrors;

/**
 * A whole HTTP/1.1 refusal as bytes on the wire, JSON body and code included, for the places below Undertow's
 * exchanges: a connection over the limit, and Undertow's own empty error responses. Always closes the connection.
 */
final class RawRefusal {

    private RawRefusal() {
    }

    /** {@code HTTP/1.1 status reason} with a coded JSON body, {@code Connection: close}. */
    static ByteBuffer of(int status, String reason, ErrorCode code, String message) {
        byte[] body = Json.MAPPER.writeValueAsBytes(ResponseErrors.requestError(code, message));
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: " + Json.CONTENT_TYPE + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + (status == 503 ? "Retry-After: 1\r\n" : "")
                + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer bytes = ByteBuffer.allocate(headBytes.length + body.length);
        bytes.put(headBytes).put(body).flip();
        return bytes;
    }

    /** The code and message a client is given for an empty error response with this status. */
    static ByteBuffer forEmptyResponse(int status, String reason) {
        String why = reason.isBlank() ? "" : " (" + reason + ")";
        return switch (status) {
            case 400 -> of(400, reason, ErrorCode.BAD_REQUEST, "The request is not well-formed HTTP/1.1" + why
                    + ": check the request line, percent-encoding, headers (Host, Content-Length) and their number");
            case 404 -> of(404, reason, ErrorCode.NOT_FOUND, "No such path; the API is at /graphql");
            case 405 -> of(405, reason, ErrorCode.METHOD_NOT_ALLOWED, "This method is not allowed here");
            case 408 -> of(408, reason, ErrorCode.REQUEST_TIMEOUT, "The request did not arrive in time");
            case 413 -> of(413, reason, ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than this server accepts");
            case 503 -> of(503, reason, ErrorCode.SHUTTING_DOWN,
                    "The server is stopping and takes no new requests; retry shortly");
            default -> status >= 500
                    ? of(status, reason, ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error")
                    : of(status, reason, ErrorCode.BAD_REQUEST, "The request was refused" + why);
        };
    }
}
