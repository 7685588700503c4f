package org.mymoviedb.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSinkConduit;

/**
 * The bottom of every connection's write path: gives Undertow's own bodiless error responses a coded JSON body.
 * Undertow answers requests it cannot parse (a bad request line or percent-encoding, too many headers or
 * parameters, a duplicate Content-Length, headers over the size limit) by writing a fixed
 * {@code 400, Content-Length: 0} straight to the socket, and a missing or malformed Host header the same way from a
 * handler that runs before ours; neither can be reached from a handler. Here such a response is recognised as
 * written (a whole 4xx or 5xx head that says {@code Content-Length: 0}, at the start of a write) and replaced by
 * the same status with a JSON body and {@code Connection: close}. Our own handlers always send a body, so nothing
 * of theirs matches.
 */
final class CodedErrorConduit extends AbstractStreamSinkConduit<StreamSinkConduit> {

    private static final int LONGEST_HEAD = 4096;

    /** The replacement still to write; the caller was told its bytes were all written. */
    private ByteBuffer pending;
    private boolean terminateAfterPending;

    CodedErrorConduit(StreamSinkConduit next) {
        super(next);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!writePending()) {
            return 0;
        }
        ByteBuffer replacement = replacementFor(src, src.remaining());
        if (replacement == null) {
            return next.write(src);
        }
        int consumed = src.remaining();
        src.position(src.limit());
        pending = replacement;
        writePending();
        return consumed;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        if (!writePending()) {
            return 0;
        }
        long total = 0;
        ByteBuffer first = null;
        for (int i = offset; i < offset + length; i++) {
            total += srcs[i].remaining();
            if (first == null && srcs[i].hasRemaining()) {
                first = srcs[i];
            }
        }
        // A head and an empty body buffer arrive together; a head followed by body bytes is no bodiless response.
        ByteBuffer replacement = first == null || first.remaining() != total ? null : replacementFor(first, total);
        if (replacement == null) {
            return next.write(srcs, offset, length);
        }
        first.position(first.limit());
        pending = replacement;
        writePending();
        return total;
    }

    @Override
    public int writeFinal(ByteBuffer src) throws IOException {
        return Conduits.writeFinalBasic(this, src);
    }

    @Override
    public long writeFinal(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return Conduits.writeFinalBasic(this, srcs, offset, length);
    }

    @Override
    public long transferFrom(java.nio.channels.FileChannel src, long position, long count) throws IOException {
        return writePending() ? next.transferFrom(src, position, count) : 0;
    }

    @Override
    public long transferFrom(org.xnio.channels.StreamSourceChannel source, long count, ByteBuffer throughBuffer)
            throws IOException {
        if (!writePending()) {
            throughBuffer.limit(0); // nothing read into it
            return 0;
        }
        return next.transferFrom(source, count, throughBuffer);
    }

    @Override
    public boolean flush() throws IOException {
        if (!writePending()) {
            return false;
        }
        if (terminateAfterPending) {
            terminateAfterPending = false;
            next.terminateWrites();
        }
        return next.flush();
    }

    @Override
    public void terminateWrites() throws IOException {
        if (pending != null) {
            terminateAfterPending = true;
        } else {
            next.terminateWrites();
        }
    }

    /** Writes what is left of the replacement; true when nothing is. */
    private boolean writePending() throws IOException {
        if (pending == null) {
            return true;
        }
        while (pending.hasRemaining()) {
            if (next.write(pending) == 0) {
                return false;
            }
        }
        pending = null;
        return true;
    }

    /**
     * A JSON refusal for {@code buffer} when its {@code total} bytes are exactly a bodiless 4xx or 5xx response
     * head, else null. Reads without moving the buffer's position.
     */
    static ByteBuffer replacementFor(ByteBuffer buffer, long total) {
        if (total < 16 || total > LONGEST_HEAD) {
            return null;
        }
        int start = buffer.position();
        // "HTTP/1.x 4" or "HTTP/1.x 5": cheap to rule out for every other write.
        if (buffer.get(start) != 'H' || buffer.get(start + 4) != '/' || buffer.get(start + 8) != ' ') {
            return null;
        }
        byte statusClass = buffer.get(start + 9);
        if (statusClass != '4' && statusClass != '5') {
            return null;
        }
        byte[] bytes = new byte[(int) total];
        buffer.get(start, bytes);
        String head = new String(bytes, StandardCharsets.ISO_8859_1);
        if (!head.startsWith("HTTP/1.") || head.indexOf("\r\n\r\n") != head.length() - 4) {
            return null;
        }
        String lower = head.toLowerCase(Locale.ROOT);
        if (!lower.contains("\r\ncontent-length: 0\r\n") || lower.contains("\r\ntransfer-encoding:")) {
            return null;
        }
        int status;
        try {
            status = Integer.parseInt(head.substring(9, 12));
        } catch (NumberFormatException e) {
            return null;
        }
        int lineEnd = head.indexOf("\r\n");
        String reason = lineEnd > 13 ? head.substring(13, lineEnd) : "";
        return RawRefusal.forEmptyResponse(status, reason);
    }
}
