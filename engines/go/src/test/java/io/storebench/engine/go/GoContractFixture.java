package io.storebench.engine.go;

import io.storebench.engine.contract.ContractFixture;
import java.util.List;
import java.util.Map;

/**
 * The contract kit's fixtures for the Go engines: every store on its own files, default options;
 * skipped without the Go library (failed under CI), as {@link GoTesting#requireLibrary} says.
 */
public abstract class GoContractFixture implements ContractFixture {
    private final String engine;

    GoContractFixture(String engine) {
        this.engine = engine;
    }

    @Override
    public final String engine() {
        return engine;
    }

    @Override
    public final List<Setup> setups() {
        return List.of(new Setup("", () -> {
            GoTesting.requireLibrary();
            return Map::of;
        }));
    }

    public static final class Badger extends GoContractFixture {
        public Badger() {
            super(BadgerEngine.NAME);
        }
    }

    public static final class Bbolt extends GoContractFixture {
        public Bbolt() {
            super(BboltEngine.NAME);
        }
    }

    public static final class Pebble extends GoContractFixture {
        public Pebble() {
            super(PebbleEngine.NAME);
        }
    }

    public static final class GoLevelDb extends GoContractFixture {
        public GoLevelDb() {
            super(GoLevelDbEngine.NAME);
        }
    }

    public static final class GoNull extends GoContractFixture {
        public GoNull() {
            super(GoNullEngine.NAME);
        }
    }
}
