package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailureWindowTest {
    @Test
    void overlappingWindowsOfSeveralThreadsBecomeOne() {
        List<FailureWindow> merged = FailureWindow.union(List.of(new FailureWindow(50, 70, true),
                new FailureWindow(10, 30, true), new FailureWindow(20, 40, true), new FailureWindow(40, 45, true)));
        assertEquals(List.of(new FailureWindow(10, 45, true), new FailureWindow(50, 70, true)), merged);
    }

    @Test
    void aMergedWindowIsOpenWhenTheOneEndingLastIs() {
        assertEquals(List.of(new FailureWindow(10, 90, false)), FailureWindow.union(List.of(
                new FailureWindow(10, 50, true), new FailureWindow(30, 90, false))));
        assertEquals(List.of(new FailureWindow(10, 90, true)), FailureWindow.union(List.of(
                new FailureWindow(10, 90, true), new FailureWindow(30, 60, false))));
        assertEquals(List.of(new FailureWindow(10, 90, false)), FailureWindow.union(List.of(
                new FailureWindow(10, 90, true), new FailureWindow(30, 90, false))));
        assertEquals(List.of(), FailureWindow.union(List.of()));
    }
}
