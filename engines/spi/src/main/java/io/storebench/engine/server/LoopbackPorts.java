package io.storebench.engine.server;

import io.storebench.engine.StoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free loopback ports for the servers a store starts (etcd members, PostgreSQL, MariaDB). */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    /**
     * {@code count} ports free now, all held open together so none is handed out twice. Another
     * process may take one before the server binds it: callers retry a start that fails so.
     *
     * @param server the server's name, for the error message
     */
    public static int[] free(String server, int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new StoreException(server + ": cannot find free loopback ports: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // only a probe
                }
            }
        }
    }
}
