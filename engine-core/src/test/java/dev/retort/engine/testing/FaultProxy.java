package dev.retort.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy between the engine and a database server that injects network faults: {@link #cut()} resets
 * every open connection (new ones are forwarded again), {@link #blackHole()} accepts and holds connections but
 * forwards nothing (a network partition: bytes wait, nobody hears anything), {@link #heal()} ends the partition and
 * delivers what waited. Two daemon threads per proxied connection.
 */
public final class FaultProxy implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object partition = new Object();
    private volatile boolean blackHoled;
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-" + IDS.incrementAndGet() + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a proxy on an ephemeral loopback port forwarding to {@code 127.0.0.1:targetPort}. */
    public static FaultProxy to(int targetPort) {
        try {
            return new FaultProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port for the proxy", e);
        }
    }

    /** The port clients connect to. */
    public int port() {
        return server.getLocalPort();
    }

    /** Open proxied connections (client and server side each count once per connection). */
    public int openConnections() {
        return sockets.size() / 2;
    }

    /** Resets every open connection, as a dropped network link or a killed server would; new ones work. */
    public void cut() {
        for (Socket s : sockets) {
            reset(s);
        }
    }

    /** Starts a partition: connections (open and new) stay open but no byte gets through until {@link #heal()}. */
    public void blackHole() {
        blackHoled = true;
    }

    /** Ends a partition: held bytes are delivered and traffic flows again. */
    public void heal() {
        synchronized (partition) {
            blackHoled = false;
            partition.notifyAll();
        }
    }

    /** Whether a partition is in effect. */
    public boolean isBlackHoled() {
        return blackHoled;
    }

    @Override
    public void close() {
        closed = true;
        heal();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        cut();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            sockets.add(client);
            Thread connector = new Thread(() -> connect(client), Thread.currentThread().getName() + "-conn");
            connector.setDaemon(true);
            connector.start();
        }
    }

    private void connect(Socket client) {
        awaitHealed(); // during a partition the server is not even reached
        Socket upstream = new Socket();
        try {
            sockets.add(upstream);
            upstream.connect(target, 5_000);
        } catch (IOException e) {
            reset(client);
            reset(upstream);
            return;
        }
        pump(upstream, client, "down");
        pump(client, upstream, "up");
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    awaitHealed();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: tear the pair down below
            } finally {
                reset(from);
                reset(to);
            }
        }, "fault-proxy-" + direction);
        t.setDaemon(true);
        t.start();
    }

    /** Holds the calling pump while the proxy is black-holed (bounded by {@link #close()}). */
    private void awaitHealed() {
        synchronized (partition) {
            while (blackHoled && !closed) {
                try {
                    partition.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void reset(Socket s) {
        sockets.remove(s);
        try {
            if (!s.isClosed()) {
                s.setSoLinger(true, 0); // RST, as a broken link looks to the peer
            }
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[127.0.0.1:" + port() + " -> " + target.getPort() + (blackHoled ? ", black-holed" : "")
                + "]";
    }
}
