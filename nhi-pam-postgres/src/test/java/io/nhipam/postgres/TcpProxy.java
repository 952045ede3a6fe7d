package io.nhipam.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy in front of PostgreSQL that a test can cut, stall and restore. While cut,
 * it closes every open connection and every new one at once, as a partition followed by a
 * connection reset would. While stalled, it keeps connections open but forwards nothing (bytes are
 * held, not lost), as a silent partition would: only timeouts can notice it.
 */
final class TcpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  /** Held by cut() and while a new connection is registered, so none slips past a cut. */
  private final Object lock = new Object();
  private volatile boolean cut;
  /** How many times cut() has run; a connection accepted before a cut never outlives it. */
  private long cuts;
  private volatile boolean stalled;
  private volatile boolean closed;

  TcpProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  void cut() {
    synchronized (lock) {
      cut = true;
      cuts++;
      for (Socket s : open) {
        closeQuietly(s);
      }
      open.clear();
    }
  }

  void stall() {
    stalled = true;
  }

  void restore() {
    cut = false;
    stalled = false;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        long cutsSeen;
        synchronized (lock) {
          cutsSeen = cuts;
        }
        if (cut) {
          closeQuietly(client);
          continue;
        }
        Socket upstream = new Socket();
        try {
          upstream.connect(new InetSocketAddress(targetHost, targetPort), 2000);
        } catch (IOException e) {
          closeQuietly(client); // the client sees a reset, as it would with no database behind
          closeQuietly(upstream);
          continue;
        }
        synchronized (lock) {
          // cut() may have run since the accept, even with restore() after it: a connection it
          // did not see must not survive it (it would keep the cut-off instance fresh through
          // the "partition").
          if (cut || cuts != cutsSeen) {
            closeQuietly(client);
            closeQuietly(upstream);
            continue;
          }
          open.add(client);
          open.add(upstream);
        }
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[16384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          while (stalled && !closed) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException ignored) {
        // The other side or cut() closed the socket.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    }, "tcp-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    cut();
    server.close();
  }
}
