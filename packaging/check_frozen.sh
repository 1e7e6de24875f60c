#!/usr/bin/env bash
# What a frozen bundle must do wherever it was built: .ci/run runs this on Linux, and
# .github/workflows/installers.yml on Windows and macOS, before an installer is made from the bundle.
#
#   bash packaging/check_frozen.sh BINARY SCRATCH_FOLDER
#
# --version, the self-test (every capability of the build), a window shown and painted, and each headless
# command once: a command's modules are imported by name when it runs, so only running it shows that the
# bundle holds them.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: bash packaging/check_frozen.sh BINARY SCRATCH_FOLDER" >&2; exit 2; }
binary=$1
scratch=$2
mkdir -p "$scratch"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" TREADWELL_NO_CRASH_DIALOG=1
step() { printf '\n--> %s\n' "$*"; }

step "--version, --self-test and --smoke-start"
"$binary" --version
"$binary" --data-dir "$scratch/data" --self-test
"$binary" --data-dir "$scratch/data" --smoke-start

step "the headless commands"
frozen() { "$binary" --data-dir "$scratch/commands" "$@"; }
frozen plan resources/examples/profiles/diabetic-neuropathy.json --save --pdf "$scratch/handout.pdf" >/dev/null
frozen plan resources/examples/profiles/diabetic-neuropathy.json --language ar \
  --pdf "$scratch/handout-ar.pdf" >/dev/null
printf '{"date": "%s", "week": 1, "minutes": 8, "rpe": 12, "pain_during": 3}\n' "$(date +%F)" > "$scratch/session.json"
frozen sessions add 1 "$scratch/session.json"
frozen progress 1 --pdf "$scratch/progress.pdf" >/dev/null
frozen plans export 1 "$scratch/bundle.json"
frozen db check >/dev/null
frozen etiologies >/dev/null
for made in handout.pdf handout-ar.pdf progress.pdf bundle.json; do
  [ -s "$scratch/$made" ] || { echo "FAIL: the frozen bundle did not write $made" >&2; exit 1; }
done
echo "frozen bundle checked: $binary"
