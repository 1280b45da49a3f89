package io.storebench.engine.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    /** Lines as etcd 3.4.23 printed them on this machine (a 3-member cluster, one member's scrape). */
    private static final String SCRAPE = """
            # HELP etcd_disk_wal_fsync_duration_seconds The latency distributions of fsync called by WAL.
            # TYPE etcd_disk_wal_fsync_duration_seconds histogram
            etcd_disk_wal_fsync_duration_seconds_bucket{le="0.001"} 90
            etcd_disk_wal_fsync_duration_seconds_bucket{le="0.002"} 96
            etcd_disk_wal_fsync_duration_seconds_bucket{le="0.004"} 100
            etcd_disk_wal_fsync_duration_seconds_bucket{le="+Inf"} 100
            etcd_disk_wal_fsync_duration_seconds_sum 0.0757932
            etcd_disk_wal_fsync_duration_seconds_count 100
            etcd_disk_wal_write_bytes_total 1.234567e+06
            etcd_mvcc_db_total_size_in_bytes 32768
            grpc_server_handled_total{grpc_code="OK",grpc_method="Range",grpc_service="etcdserverpb.KV",grpc_type="unary"} 7
            grpc_server_handled_total{grpc_code="OK",grpc_method="Put",grpc_service="etcdserverpb.KV",grpc_type="unary"} 5
            """;

    @Test
    void sumsSamplesOverLabelsAndScrapes() {
        PrometheusText text = new PrometheusText();
        text.add(SCRAPE);
        text.add(SCRAPE);
        assertEquals(2_469_134, text.sum("etcd_disk_wal_write_bytes_total").getAsDouble(), 1e-6);
        assertEquals(65_536, text.sum("etcd_mvcc_db_total_size_in_bytes").getAsDouble(), 0);
        assertEquals(24, text.sum("grpc_server_handled_total").getAsDouble(), 0);
        assertFalse(text.sum("etcd_absent").isPresent());
        assertEquals(200, text.histogram("etcd_disk_wal_fsync_duration_seconds").count(), 0);
    }

    /**
     * Values as Prometheus's histogram_quantile gives them: rank 0.99 * 100 = 99 falls in the
     * (0.002, 0.004] bucket holding observations 97..100, so 0.002 + 0.002 * (99 - 96) / 4 = 0.0035;
     * the median, rank 50, in the first bucket from 0: 0.001 * 50 / 90.
     */
    @Test
    void quantilesInterpolateInsideTheBucketAsHistogramQuantileDoes() {
        PrometheusText text = new PrometheusText();
        text.add(SCRAPE);
        PrometheusText.Histogram fsync = text.histogram("etcd_disk_wal_fsync_duration_seconds");
        assertEquals(0.0035, fsync.quantile(0.99).getAsDouble(), 1e-12);
        assertEquals(0.001 * 50 / 90, fsync.quantile(0.5).getAsDouble(), 1e-12);
    }

    @Test
    void aRankInTheInfBucketGivesTheLargestFiniteBound() {
        PrometheusText text = new PrometheusText();
        text.add("h_bucket{le=\"0.5\"} 1\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 10\n");
        assertEquals(1.0, text.histogram("h").quantile(0.99).getAsDouble(), 0);
    }

    @Test
    void theDeltaOfTwoScrapesHoldsOnlyTheObservationsBetween() {
        PrometheusText before = new PrometheusText();
        before.add(SCRAPE);
        PrometheusText after = new PrometheusText();
        String later = SCRAPE.replace("} 100", "} 110");
        // 10 new observations, all in (0.002, 0.004]: the two lower buckets keep their counts
        assertTrue(later.contains("le=\"0.001\"} 90\n") && later.contains("le=\"0.002\"} 96\n")
                && later.contains("le=\"0.004\"} 110\n") && later.contains("le=\"+Inf\"} 110\n"), later);
        after.add(later);
        // p99 of the delta is 0.002 + 0.002 * 9.9 / 10; its median, too, lies in that bucket: nothing below 0.002
        PrometheusText.Histogram delta = after.histogram("etcd_disk_wal_fsync_duration_seconds")
                .minus(before.histogram("etcd_disk_wal_fsync_duration_seconds"));
        assertEquals(10, delta.count(), 0);
        assertEquals(0.002 + 0.002 * 9.9 / 10, delta.quantile(0.99).getAsDouble(), 1e-12);
        assertEquals(0.002 + 0.002 * 5 / 10, delta.quantile(0.5).getAsDouble(), 1e-12);
        assertFalse(before.histogram("etcd_disk_wal_fsync_duration_seconds")
                .minus(before.histogram("etcd_disk_wal_fsync_duration_seconds")).quantile(0.99).isPresent());
        assertNull(before.histogram("absent"));
    }
}
