package dev.retort.engine.spring.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A database that is "gone" the worst way: a loopback socket that accepts connections and never answers, so a
 * driver waits until its own timeouts. Accepts at most 50 connections.
 */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    /** Starts listening on a free loopback port. */
    public SilentServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        try {
            while (accepted.size() < 50) {
                accepted.add(socket.accept());
            }
        } catch (IOException closed) {
            // close() ends the loop
        }
    }

    /** The port to connect to on 127.0.0.1. */
    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
