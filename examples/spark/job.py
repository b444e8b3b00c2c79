"""Checks a JSON Lines corpus with schliff on Spark.

Every partition of the input is piped through one `schliff check
--input-format jsonl` process (`RDD.pipe`): records go in on its standard
input, one answer per record comes out in the same order. schliff keeps its
memory constant per process, so partitions of any size work.

    spark-submit job.py INPUT.jsonl OUTPUT_DIR [--schliff PATH] [--fix]

Each input line is a JSON object with `id` and `text` (see `--text-field`
and `--id-field` of schliff). Each output line is schliff's answer: `id`,
`findings` and, with --fix, the normalized `text`. `record` is the line
number within the partition, not within the whole input.

On a cluster, ship the binary with the job (`spark-submit --files
target/release/schliff job.py ... --schliff ./schliff`).
"""

import argparse
import shlex

from pyspark.sql import SparkSession


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSON Lines file or folder")
    ap.add_argument("output", help="output folder (Spark part files)")
    ap.add_argument("--schliff", default="schliff", help="path of the schliff binary")
    ap.add_argument("--fix", action="store_true", help="also return the normalized text")
    ap.add_argument("--partitions", type=int, default=None, help="minimum number of partitions")
    args = ap.parse_args()

    spark = SparkSession.builder.appName("schliff").getOrCreate()
    sc = spark.sparkContext
    records = sc.textFile(args.input, minPartitions=args.partitions)
    records = records.filter(lambda line: line.strip() != "")

    # One thread per process: Spark already runs one task per core. Exit
    # codes are not checked because bad records make schliff exit 2 after
    # answering them; a lost answer is caught by the count below instead.
    command = [args.schliff, "check", "--input-format", "jsonl", "--exit-zero", "-j", "1"]
    if args.fix:
        command.append("--fix")
    answers = records.pipe(" ".join(shlex.quote(c) for c in command))
    answers.cache()

    n_in, n_out = records.count(), answers.count()
    if n_in != n_out:
        raise SystemExit(f"schliff answered {n_out} of {n_in} records")
    answers.saveAsTextFile(args.output)
    print(f"checked {n_in} records in {records.getNumPartitions()} partitions -> {args.output}")
    spark.stop()


if __name__ == "__main__":
    main()
