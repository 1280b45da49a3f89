package io.storebench.engine.go;

import io.storebench.engine.Capability;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineProfile;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code go-null}: the Go library's baseline. Every call crosses the same boundary as the Go
 * engines (JNA, cgo, the handle lookup, the panic guard) and does nothing there; a get returns a
 * fixed 100-byte value. What a benchmark measures against it, less what it measures against
 * {@code null}, is the boundary's own cost per call.
 */
public final class GoNullEngine extends GoEngine {
    public static final String NAME = "go-null";

    public GoNullEngine() {
        super(NAME, "baseline: the Go engines' boundary (JNI and cgo) doing no work; get returns 100 fixed bytes",
                EnumSet.noneOf(Capability.class), EnumSet.of(Durability.NONE), List.of(), null, Integer.MAX_VALUE - 8);
    }

    @Override
    public boolean usesDataDirectory() {
        return false;
    }

    @Override
    public boolean baseline() {
        return true;
    }

    @Override
    public EngineProfile profile() {
        return profile("baseline: stores nothing", "none", "none: nothing is written");
    }
}
