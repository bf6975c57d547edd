package dev.autumncatalog.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server on 127.0.0.1. After {@code wholeFirst} whole answers, the next {@code trickling} answers send
 * their headers at once and then the body one byte every 50 ms (a recorded answer takes half a minute); later answers
 * come whole again. It notices when the
 * client drops a trickling connection, and records each request's headers.
 */
final class TricklingServer implements AutoCloseable {
    private final ServerSocket listener;
    private final byte[] body;
    private final int wholeFirst;
    private final int trickling;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    final List<String> heads = new CopyOnWriteArrayList<>();
    final CountDownLatch droppedByClient = new CountDownLatch(1);

    TricklingServer(String body, int wholeFirst, int trickling) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.body = body.getBytes(StandardCharsets.UTF_8);
        this.wholeFirst = wholeFirst;
        this.trickling = trickling;
        Thread acceptor = new Thread(this::accept, "trickling-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/v1");
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                Thread connection = new Thread(() -> serve(socket), "trickling-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readRequest(in);
                if (head == null) {
                    return;
                }
                heads.add(head);
                int number = requests.incrementAndGet();
                boolean slow = number > wholeFirst && number <= wholeFirst + trickling;
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                if (!slow) {
                    out.write(body);
                    out.flush();
                    continue;
                }
                try {
                    for (byte b : body) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(50);
                    }
                } catch (IOException dropped) {
                    droppedByClient.countDown();
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // Closed by close(), or the client went away between requests.
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            head.append((char) c);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(
                        line.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes(length);
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
