package io.storebench.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private void assertMessage(String content, String expected) throws IOException {
        Path file = Files.writeString(temp.resolve("bad"), content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> YcsbWorkloadFile.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
