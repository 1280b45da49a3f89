package io.storebench.engine.go;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;

/** What the Go engines' tests share: skip without the library, fail instead under CI. */
final class GoTesting {
    private GoTesting() {
    }

    /** Skips the calling test when this build has no Go library; fails it instead when STOREBENCH_CI=1. */
    static void requireLibrary() {
        Optional<String> reason = GoBuild.unavailable();
        if (reason.isPresent()) {
            String message = "the Go engines are not available: " + reason.get();
            if ("1".equals(System.getenv("STOREBENCH_CI"))) {
                fail(message + "; STOREBENCH_CI=1, so the Go engines' tests must run");
            }
            assumeTrue(false, message);
        }
    }
}
