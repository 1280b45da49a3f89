package io.storebench.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.workloads.distribution.DistributionKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetAndYcsbFileTest {
    @TempDir
    Path temp;

    @Test
    void presetsHaveYcsbsExactProportionsRecordSizeAndScans() {
        assertEquals(new OperationMix(0.5, 0.5, 0, 0, 0, 0), Preset.YCSB_A.spec().mix());
        assertEquals(new OperationMix(0.95, 0.05, 0, 0, 0, 0), Preset.YCSB_B.spec().mix());
        assertEquals(new OperationMix(1, 0, 0, 0, 0, 0), Preset.YCSB_C.spec().mix());
        assertEquals(new OperationMix(0.95, 0, 0.05, 0, 0, 0), Preset.YCSB_D.spec().mix());
        assertEquals(new OperationMix(0, 0, 0.05, 0.95, 0, 0), Preset.YCSB_E.spec().mix());
        assertEquals(new OperationMix(0.5, 0, 0, 0, 0.5, 0), Preset.YCSB_F.spec().mix());
        for (Preset preset : Preset.values()) {
            WorkloadSpec spec = preset.spec();
            assertEquals(1000, spec.values().size().max(), preset.label());
            assertEquals(preset == Preset.YCSB_D ? DistributionKind.LATEST : DistributionKind.YCSB_ZIPFIAN,
                    spec.distribution().kind(), preset.label());
            assertEquals(KeyFormat.YCSB, spec.keys().format());
        }
        assertEquals(LengthSpec.uniform(1, 100), Preset.YCSB_E.spec().scanLength());
        assertEquals(Preset.YCSB_C, Preset.parse("YCSB-C"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Preset.parse("ycsb-g")).getMessage()
                .contains("ycsb-a, ycsb-b, ycsb-c, ycsb-d, ycsb-e, ycsb-f"));
    }

    /** YCSB 0.17.0's workloads/workloade, comments included. */
    @Test
    void readsYcsbsOwnWorkloadE() throws IOException {
        Path file = Files.writeString(temp.resolve("workloade"), """
                # Yahoo! Cloud System Benchmark
                # Workload E: Short ranges
                #   Application example: threaded conversations, where each scan is for the posts in a given thread
                #   Read/update ratio: 95/5
                #   Default data size: 1 KB records (10 fields, 100 bytes each, plus key)
                #   Request distribution: zipfian
                recordcount=1000
                operationcount=1000
                workload=site.ycsb.workloads.CoreWorkload
                readallfields=true
                readproportion=0
                updateproportion=0
                scanproportion=0.95
                insertproportion=0.05
                requestdistribution=zipfian
                maxscanlength=100
                scanlengthdistribution=uniform
                """);
        WorkloadSpec spec = YcsbWorkloadFile.read(file);
        assertEquals("workloade", spec.name());
        assertEquals(1000, spec.recordCount());
        assertEquals(1000, spec.operationCount());
        assertEquals(new OperationMix(0, 0, 0.05, 0.95, 0, 0), spec.mix());
        assertEquals(DistributionKind.YCSB_ZIPFIAN, spec.distribution().kind());
        assertEquals(LengthSpec.uniform(1, 100), spec.scanLength());
        assertEquals(ValueSpec.constant(1000), spec.values());
        assertEquals(Preset.YCSB_E.spec().mix(), spec.mix());
    }

    @Test
    void defaultsAreYcsbsAndOtherDistributionsMap() throws IOException {
        WorkloadSpec spec = YcsbWorkloadFile.read(Files.writeString(temp.resolve("w"), """
                requestdistribution=hotspot
                hotspotdatafraction=0.1
                hotspotopnfraction=0.9
                fieldcount=4
                fieldlength=50
                fieldlengthdistribution=uniform
                insertorder=ordered
                """));
        assertEquals(new OperationMix(0.95, 0.05, 0, 0, 0, 0), spec.mix());
        assertEquals(DistributionKind.HOTSPOT, spec.distribution().kind());
        assertEquals(0.1, spec.distribution().hotSetFraction());
        assertEquals(0.9, spec.distribution().hotOpFraction());
        assertEquals(new LengthSpec(LengthDistribution.UNIFORM, 16, 200), spec.values().size());
        assertEquals(KeyFormat.YCSB_ORDERED, spec.keys().format());
        WorkloadSpec skewed = YcsbWorkloadFile.read(Files.writeString(temp.resolve("z"), """
                requestdistribution=zipfian
                zipfianconstant=1.2
                """));
        assertEquals(DistributionKind.SCRAMBLED_ZIPFIAN, skewed.distribution().kind());
        assertEquals(1.2, skewed.distribution().theta());
    }

    @Test
    void unsupportedPropertiesAreReportedByName() throws IOException {
        Path file = Files.writeString(temp.resolve("w"), "recordcount=10\nmeasurementtype=hdrhistogram\nfoo=1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> YcsbWorkloadFile.read(file));
        assertTrue(e.getMessage().startsWith("workload file " + file + ": unsupported properties: foo, measurementtype;"),
                e.getMessage());
    }

    @Test
    void badValuesNameThePropertyAndTheRange() throws IOException {
        assertMessage("readproportion=0.5\nupdateproportion=0.4\n", "sum to 0.9");
        assertMessage("recordcount=lots\n", "recordcount=lots is not a whole number");
        assertMessage("readproportion=1.5\nupdateproportion=0\n", "readproportion=1.5 is out of range; allowed: 0..1");
        assertMessage("requestdistribution=pareto\n", "requestdistribution=pareto is not supported");
        assertMessage("workload=site.ycsb.workloads.TimeSeriesWorkload\n", "is not supported");
        assertMessage("insertorder=random\n", "insertorder=random is not allowed");
        assertMessage("scanlengthdistribution=normal\n", "scanlengthdistribution: unknown length distribution 'normal'");
    }

    /** A value too large for an int, or for a value, is one line naming the properties; never an ArithmeticException. */
    @Test
    void fieldsTooLargeForAValueAreRefusedWithTheLimit() throws IOException {
        assertMessage("fieldcount=100000\nfieldlength=100000\n", "fieldcount=100000 x fieldlength=100000 is"
                + " 10000000000 bytes per record, out of range; allowed: up to 16777216 bytes (16 MiB, the largest value;"
                + " the fields are stored as one value)");
        assertMessage("fieldcount=5000000000\n", "fieldcount=5000000000 is out of range; allowed: 1..16777216");
        assertMessage("fieldlength=0\n", "fieldlength=0 is out of range; allowed: 1..16777216");
        assertMessage("maxscanlength=3000000000\n", "maxscanlength=3000000000 is out of range; allowed: 0..2147483647");
        assertEquals(ValueSpec.constant(16 << 20), YcsbWorkloadFile.read(Files.writeString(temp.resolve("largest"),
                "fieldcount=16\nfieldlength=1048576\n")).values());
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        assertMessage("", "sets no property; a YCSB workload file sets at least its operation proportions");
        assertMessage("# only a comment\n\n", "sets no property");
    }

    /** YCSB adds updateproportion=0.05 when a file leaves it out: a sum that is off says so. */
    @Test
    void aSumOffByYcsbsDefaultsNamesTheDefaultsAdded() throws IOException {
        assertMessage("readproportion=1\n", "operation proportions sum to 1.05, not 1: read 1.0, update 0.05");
        assertMessage("readproportion=1\n", "; updateproportion=0.05 added as YCSB's default, since the file does"
                + " not set it (set it to 0 to leave it out)");
        assertMessage("updateproportion=0.5\n", "; readproportion=0.95 added as YCSB's default");
        assertEquals(new OperationMix(1, 0, 0, 0, 0, 0), YcsbWorkloadFile.read(Files.writeString(temp.resolve("c"),
                "readproportion=1\nupdateproportion=0\n")).mix());
        assertEquals(new OperationMix(0.95, 0.05, 0, 0, 0, 0), YcsbWorkloadFile.read(Files.writeString(
                temp.resolve("r"), "recordcount=10\n")).mix(), "YCSB's defaults, when they sum to 1");
        Path off = Files.writeString(temp.resolve("off"), "readproportion=0.5\nupdateproportion=0.4\n");
        assertFalse(assertThrows(IllegalArgumentException.class, () -> YcsbWorkloadFile.read(off)).getMessage()
                .contains("default"), "no default was added");
    }

    private void assertMessage(String content, String expected) throws IOException {
        Path file = Files.writeString(temp.resolve("bad"), content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> YcsbWorkloadFile.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
