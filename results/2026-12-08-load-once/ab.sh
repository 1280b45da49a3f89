#!/bin/bash
cd /work/measure/loadonce
for round in 1 2; do
  for side in old new; do
    out=/work/measure/loadonce/run-$side-$round
    rm -rf $out
    start=$(date +%s.%N)
    java -Djava.io.tmpdir=/work/measure/loadonce/tmp -jar $side.jar run --engines rocksdb,lmdb --workload ycsb-c --records 1000000 --profile smoke --out $out > $out.console.txt 2>&1
    rc=$?
    end=$(date +%s.%N)
    echo "$side $round rc=$rc wall=$(echo "$end - $start" | bc)" >> times.txt
  done
done
echo DONE >> times.txt
