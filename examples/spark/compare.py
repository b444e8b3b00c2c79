"""Compares schliff's answers from Spark with those of a direct run.

    python3 compare.py DIRECT.jsonl SPARK_PART_FILE...

Records are matched by id; the `record` field (a line number, per Spark
partition) is left out. Exits 1 when anything differs.
"""

import json
import sys


def load(paths):
    answers = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    a = json.loads(line)
                    a.pop("record", None)
                    answers[json.dumps(a["id"])] = a
    return answers


def main():
    direct = load(sys.argv[1:2])
    spark = load(sys.argv[2:])
    missing = direct.keys() - spark.keys()
    extra = spark.keys() - direct.keys()
    differ = [k for k in direct.keys() & spark.keys() if direct[k] != spark[k]]
    findings = sum(len(a["findings"]) for a in direct.values())
    print(f"direct: {len(direct)} records, {findings} findings; spark: {len(spark)} records")
    if missing or extra or differ:
        print(f"DIFFERENT: {len(missing)} missing, {len(extra)} extra, {len(differ)} differ")
        for k in differ[:3]:
            print(" direct:", json.dumps(direct[k])[:300])
            print(" spark: ", json.dumps(spark[k])[:300])
        sys.exit(1)
    print("equal: Spark and the direct run give the same answers")


if __name__ == "__main__":
    main()
