"""Runs many exported NormLab PyTorch files in one Python process (torch is imported once).

    python3 run_exports.py jobs.json

jobs.json: [{"script": "/tmp/a.py", "args": ["--dump-outputs", "/tmp/a.json"]}, ...]. Each job's
main(args) runs in turn; one that raises is reported ("job N failed: ...") and the rest still
run. Exits 1 when any job failed.
"""
import json
import runpy
import sys
import traceback

import torch


def main():
    torch.set_num_threads(1)
    with open(sys.argv[1]) as f:
        jobs = json.load(f)
    failed = 0
    for i, job in enumerate(jobs):
        try:
            namespace = runpy.run_path(job["script"], run_name="normlab_export")
            code = namespace["main"](job["args"])
            if code:
                raise RuntimeError(f"main returned {code}")
        except Exception:
            failed += 1
            print(f"job {i} failed: {job['script']}\n{traceback.format_exc()}", file=sys.stderr)
    print(f"{len(jobs) - failed} of {len(jobs)} jobs ran", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
