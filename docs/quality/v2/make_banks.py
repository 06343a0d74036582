"""Generate a bank per article with the real command, and a rater's view of each (the article
as published + the bank's questions, without the held-back drafts)."""

import shutil
import subprocess
import sys
from pathlib import Path

src, out = Path(sys.argv[1]), Path(sys.argv[2])
names = sys.argv[3:]
out.mkdir(parents=True, exist_ok=True)
data = out / ".data"
for stem in names:
    html = src / f"{stem}.html"
    folder = out / stem
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    bank = folder / "generated" / "bank.yaml"
    r = subprocess.run(
        [
            "/work/main/.venv/bin/quiz",
            "--data-dir",
            str(data),
            "generate",
            str(html),
            "-o",
            str(bank),
        ],
        capture_output=True,
        text=True,
    )
    if r.returncode != 0 and "passed the quality gate" in r.stderr:
        print(stem, "no bank: nothing passed the quality gate")  # an empty bank, not a failure
        continue
    if r.returncode != 0:  # the page could not be read: the reader copy instead
        r = subprocess.run(
            [
                "/work/main/.venv/bin/quiz",
                "--data-dir",
                str(data),
                "generate",
                str(src / f"{stem}.txt"),
                "-o",
                str(bank),
            ],
            capture_output=True,
            text=True,
        )
    print(stem, r.returncode, r.stdout.strip().splitlines()[:1], r.stderr.strip()[:200])
    if r.returncode:
        continue
    text = bank.read_text()
    view = text.split("\ndrafts:\n")[0]
    rate = folder / "rate"
    rate.mkdir()
    (rate / "bank.yaml").write_text(view)
    shutil.copy(src / f"{stem}.txt", rate / "article.txt")
