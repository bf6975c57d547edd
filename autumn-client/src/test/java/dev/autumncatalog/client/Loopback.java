package dev.autumncatalog.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockWebServer;

/** MockWebServer on 127.0.0.1 only, with TCP_NODELAY (without it every exchange waits ~40 ms for a delayed ACK). */
final class Loopback {
    private Loopback() {}

    static MockWebServer start() throws IOException {
        return start(null);
    }

    static MockWebServer start(Dispatcher dispatcher) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSockets());
        if (dispatcher != null) {
            server.setDispatcher(dispatcher);
        }
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }

    /** The base URL of the client under test: {@code http://127.0.0.1:<port>/v1}. */
    static URI base(MockWebServer server) {
        return URI.create("http://127.0.0.1:" + server.getPort() + "/v1");
    }

    private static final class NoDelayServerSockets extends ServerSocketFactory {
        private static ServerSocket socket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return socket();
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            ServerSocket socket = socket();
            socket.bind(new InetSocketAddress(port));
            return socket;
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            ServerSocket socket = socket();
            socket.bind(new InetSocketAddress(port), backlog);
            return socket;
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            ServerSocket socket = socket();
            socket.bind(new InetSocketAddress(address, port), backlog);
            return socket;
        }
    }
}
