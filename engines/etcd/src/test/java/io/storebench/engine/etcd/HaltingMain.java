package io.storebench.engine.etcd;

import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * A JVM that starts a managed member and halts without running shutdown hooks, as a forked
 * benchmark JVM does when its parent is gone: {@code EtcdStoreTest} checks the watchdog cleans up.
 */
public final class HaltingMain {
    static final int EXIT = 7;

    private HaltingMain() {
    }

    public static void main(String[] args) {
        ManagedEtcd etcd = ManagedEtcd.start(ManagedEtcd.Settings.defaults(Path.of(args[0])).withUnsafeNoFsync(true));
        System.out.println("members " + etcd.liveProcesses().stream().map(p -> Long.toString(p.pid()))
                .collect(Collectors.joining(" ")));
        System.out.flush();
        Runtime.getRuntime().halt(EXIT);
    }
}
