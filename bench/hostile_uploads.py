"""Time and peak memory of reading each hostile upload, and of the largest files allowed.

    .venv/bin/python bench/hostile_uploads.py              # every file
    .venv/bin/python bench/hostile_uploads.py csv entity   # only names containing a word

The hostile files are those of tests/members/imports/hostile_uploads.py at full size (a header
row of 20 million cells, parts inflating to a gigabyte, ...). Each is built first (not timed), then
read in a fresh Python process by read_table, the function the upload page calls, so no file's
memory hides another's. Printed per file: its size, the message a coordinator sees, wall-clock
and CPU seconds of the read, and the peak resident memory the read added to the process (the
file's bytes, the imports and the translations already loaded). The security review's aim:
under 2 s and 200 MB for each.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coalition.members.imports.limits import MAX_ROWS  # noqa: E402
from tests.members.imports import hostile_uploads as hostile  # noqa: E402

REFERENCE_COLUMNS = 15


def largest_xlsx():
    """The largest table an .xlsx may hold: 300,000 cells, each a distinct text."""
    cell = '<c t="inlineStr"><is><t>{}</t></is></c>'
    columns = range(REFERENCE_COLUMNS)
    rows = ["<row>" + "".join(cell.format(f"c{c}") for c in columns) + "</row>"]
    for n in range(MAX_ROWS - 1):  # with the column names, exactly the cell limit
        rows.append("<row>" + "".join(cell.format(f"P{n} c{c}") for c in columns) + "</row>")
    return hostile.workbook(hostile.sheet(rows))


def largest_csv():
    lines = [",".join(f"c{column}" for column in range(REFERENCE_COLUMNS))]
    for n in range(MAX_ROWS):
        lines.append(",".join(f"P{n} c{c}" for c in range(REFERENCE_COLUMNS)))
    return ("\n".join(lines) + "\n").encode()


REFERENCES = {
    "reference: largest .xlsx allowed (20,000 x 15)": (largest_xlsx, "xlsx"),
    "reference: 20,000 x 15 as CSV": (largest_csv, "csv"),
}


def memory_status(field):
    """VmRSS (now) or VmHWM (the peak) of this process, in bytes."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    raise LookupError(field)


def reset_peak():
    """Make the peak start from now (Linux 4.0+), so imports' peaks do not count."""
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(path, filename):
    """In the child process: read one file and print what it cost, as JSON."""
    from coalition.members.imports.spreadsheets import Reading, SpreadsheetError, read_table

    for warm_up in (b"Name\nAna\n", b""):  # imports and translations load before measuring
        try:
            read_table("warm-up.csv", warm_up)
        except SpreadsheetError as problem:
            str(problem.message)
    data = Path(path).read_bytes()
    reading = Reading()
    reset_peak()
    before = memory_status("VmRSS")
    started, started_cpu = time.perf_counter(), cpu_seconds()
    try:
        table = read_table(filename, data, reading)
        answer = f"read: {len(table.rows):,} rows"
    except SpreadsheetError as problem:
        answer = str(problem.message)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - started_cpu
    peak = memory_status("VmHWM")
    print(
        json.dumps(
            {
                "answer": answer,
                "seconds": seconds,
                "cpu": cpu,
                "extra_mb": max(0, peak - before) / 1e6,
                "reading": vars(reading),
            }
        )
    )


def main(words):
    files = {**hostile.HOSTILE, **REFERENCES}
    chosen = {n: f for n, f in files.items() if not words or any(w in n.lower() for w in words)}
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{os.cpu_count()} CPUs, load average {load} (wall time grows with load, CPU time less)")
    print(f"{'file':46} {'size':>10} {'wall s':>7} {'cpu s':>6} {'+MB':>6}  answer")
    with tempfile.TemporaryDirectory() as folder:
        for name, (build, kind) in chosen.items():
            path = Path(folder) / f"upload.{kind}"
            path.write_bytes(build())
            result = subprocess.run(
                [sys.executable, __file__, "--measure", str(path), f"upload.{kind}"],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            cost = json.loads(result.stdout)
            print(
                f"{name:46} {path.stat().st_size:>10,} {cost['seconds']:>7.2f} "
                f"{cost['cpu']:>6.2f} {cost['extra_mb']:>6.1f}  {cost['answer'][:70]}",
                flush=True,
            )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure(sys.argv[2], sys.argv[3])
    else:
        main([word.lower() for word in sys.argv[1:]])
