package dev.autumncatalog.engine.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An HTTP/1.1 server on a loopback address written with plain sockets, so that it can misbehave in ways a real HTTP
 * server library would not: trickle a body, never answer, lie about its length, cut the connection mid-body, send a
 * body larger than anyone should read. Each request is answered by the script its route maps to; it records every
 * request (line and headers) and counts the bytes it managed to write.
 */
final class HostileServer implements AutoCloseable {
    /** What came in. */
    record Request(String method, String path, Map<String, String> headers, String body) {
        /** A header, case-insensitive; {@code null} when absent. */
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** How to answer one request; may write anything, sleep, or close the socket. */
    @FunctionalInterface
    interface Script {
        void answer(Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Function<Request, Script> scripts;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong written = new AtomicLong();

    HostileServer(String address, Function<Request, Script> scripts) throws IOException {
        this.scripts = scripts;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
        Thread acceptor = new Thread(this::accept, "hostile-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code http://<address>:<port>/v1}. */
    String baseUrl() {
        return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort() + "/v1";
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Bytes the scripts managed to write (into the socket's buffers at least). */
    long written() {
        return written.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread handler = new Thread(() -> serve(socket), "hostile-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = new CountingOutputStream(socket.getOutputStream());
            while (!socket.isClosed()) {
                Request request = read(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                scripts.apply(request).answer(socket, out);
                out.flush();
            }
        } catch (IOException | InterruptedException gone) {
            // The client hung up, or the script closed the socket: nothing to answer anymore.
        }
    }

    private static Request read(InputStream in) throws IOException {
        String line = line(in);
        if (line == null || line.isEmpty()) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(
                    header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        String[] parts = line.split(" ");
        return new Request(parts[0], parts[1], headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    // ------------------------------------------------------------------ scripts

    /** A whole answer with a Content-Length. */
    static Script answer(int status, String contentType, String body, String... headers) {
        return (socket, out) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(head(status, contentType, bytes.length, headers));
            out.write(bytes);
        };
    }

    /** A JSON answer. */
    static Script json(int status, String body, String... headers) {
        return answer(status, "application/json", body, headers);
    }

    /** Raw bytes, exactly as given (a malformed status line, say). */
    static Script raw(String text) {
        return (socket, out) -> {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.close();
        };
    }

    /** Headers announcing {@code length} bytes, then one byte every {@code everyMillis} until the client leaves. */
    static Script trickle(long length, long everyMillis) {
        return (socket, out) -> {
            out.write(head(200, "application/json", length));
            out.write('{');
            for (long i = 1; i < length; i++) {
                out.flush();
                Thread.sleep(everyMillis);
                out.write(' ');
            }
        };
    }

    /** Reads the request and never answers. */
    static Script silence() {
        return (socket, out) -> Thread.sleep(Long.MAX_VALUE);
    }

    /** Headers announcing {@code announced} bytes, {@code sent} bytes of body, then a reset (RST, not FIN). */
    static Script resetMidBody(int announced, String sent) {
        return (socket, out) -> {
            out.write(head(200, "application/json", announced));
            out.write(sent.getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.setSoLinger(true, 0);
            socket.close();
        };
    }

    /**
     * A JSON list, streamed chunked (no length announced) and endless: {@code {"list": [{"id": "f1"}, …} until the
     * client stops reading.
     */
    static Script endlessList() {
        return (socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            chunk(out, "{\"list\": [");
            StringBuilder block = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                block.append("{\"id\": \"f").append(i).append("\", \"name\": \"Feature\", \"type\": \"boolean\"},");
            }
            byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
            while (true) {
                out.write(Integer.toHexString(bytes.length).getBytes(StandardCharsets.ISO_8859_1));
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
        };
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] head(int status, String contentType, long length, String... headers) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(status == 200 ? "OK" : "Status")
                .append("\r\nContent-Type: ")
                .append(contentType)
                .append("\r\nContent-Length: ")
                .append(length)
                .append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private final class CountingOutputStream extends OutputStream {
        private final OutputStream out;

        CountingOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            written.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            written.addAndGet(len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
