package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.storebench.engine.EngineRegistry;
import java.util.Optional;

/** The harness's tests of real engines that a build may lack (the Go engines): skip without them, fail under CI. */
final class EngineAvailable {
    private EngineAvailable() {
    }

    /** Skips the calling test when {@code engine} cannot run in this build; fails it instead when STOREBENCH_CI=1. */
    static void require(EngineRegistry registry, String engine) {
        Optional<String> reason = registry.provider(engine).unavailable();
        if (reason.isPresent()) {
            String message = engine + " is not available: " + reason.get();
            if ("1".equals(System.getenv("STOREBENCH_CI"))) {
                fail(message + "; STOREBENCH_CI=1, so the tests of " + engine + " must run");
            }
            assumeTrue(false, message);
        }
    }
}
