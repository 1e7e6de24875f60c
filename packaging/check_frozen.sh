#!/usr/bin/env bash
# What a frozen bundle must do wherever it was built: .ci/run runs this on Linux, and
# .github/workflows/installers.yml on Windows and macOS, before an installer is made from the bundle.
#
#   bash packaging/check_frozen.sh BINARY SCRATCH_FOLDER
#
# --version, the self-test (every capability of the build), a window shown and painted, and each headless
# command once (all but the clinic server's db init-clinic, add-clinician and move-to; its driver and
# records are run by .ci/run's --self-test against a throwaway server): a command's modules are imported
# by name when it runs, so only running it shows that the bundle holds them.
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
TREADWELL_SMOKE_UNTIL=ready "$binary" --data-dir "$scratch/data" --smoke-start  # every step, and the icon drawn

step "the headless commands, each once"
frozen() { "$binary" --data-dir "$scratch/commands" "$@"; }
frozen plan resources/examples/profiles/diabetic-neuropathy.json --save --pdf "$scratch/handout.pdf" >/dev/null
frozen plan resources/examples/profiles/diabetic-neuropathy.json --language ar \
  --pdf "$scratch/handout-ar.pdf" >/dev/null
frozen plans list >/dev/null
frozen plans show 1 --format json >/dev/null
printf '{"date": "%s", "week": 1, "minutes": 8, "rpe": 12, "pain_during": 3}\n' "$(date +%F)" > "$scratch/session.json"
frozen sessions add 1 "$scratch/session.json" >/dev/null
frozen sessions edit 1 "$scratch/session.json" >/dev/null
frozen sessions list 1 >/dev/null
frozen progress 1 --pdf "$scratch/progress.pdf" >/dev/null
frozen plans export 1 "$scratch/bundle.json"
"$binary" --data-dir "$scratch/second" plans import "$scratch/bundle.json"
frozen sessions delete 1 >/dev/null
frozen sessions deleted 1 >/dev/null
frozen sessions undelete 1 >/dev/null
frozen etiologies >/dev/null
frozen evidence --search bdnf >/dev/null
{ head -n 1 resources/evidence/import-template.csv
  echo 'bundle-check,Frozen,2024,A study the frozen bundle imports,Clinic notes,,rat,CCI of the sciatic nerve,'\
'peripheral-nerve-injury,treadmill,16 m/min,16,30,30,,5,4,"16 m/min, 30 min/day",BDNF:down:bdnf-trkb,Less allodynia.,5,check'
} > "$scratch/study.csv"
frozen evidence import "$scratch/study.csv"
frozen schema profile >/dev/null
frozen schema session-log >/dev/null
frozen db check >/dev/null
frozen db backup > "$scratch/backup.txt"
frozen db restore "$(sed -n 's/^Backed up and verified: //p' "$scratch/backup.txt")"
frozen db check >/dev/null
# what a clinic unpacks: the README beside the program, no link to a file the build left out (seen in review: two
# Qt libraries' links, and `cp -rL` of the folder failed), no path of the machine that built it
bundle_dir=$(dirname "$binary")
if [ "$(uname)" != Darwin ]; then  # a macOS .app is signed as built: its disk image is where a README would go
  [ -s "$bundle_dir/README.md" ] || { echo "FAIL: no README.md beside $binary" >&2; exit 1; }
  [ -s "$bundle_dir/docs/clinic-server.md" ] || { echo "FAIL: no docs/clinic-server.md beside $binary" >&2; exit 1; }
fi
if find "$bundle_dir" -type l ! -exec test -e {} \; -print | grep .; then  # -xtype is GNU's only (macOS runners)
  echo "FAIL: links to nothing in the bundle (above)" >&2; exit 1
fi
if find "$bundle_dir" -name direct_url.json | grep .; then echo "FAIL: the build machine's paths (above)" >&2; exit 1; fi
if [ "$(uname)" = Linux ]; then  # the applications menu's entry, written where the script is told, then taken out
  XDG_DATA_HOME="$scratch/xdg" sh "$bundle_dir/install-launcher.sh"
  entry="$scratch/xdg/applications/treadwell.desktop"
  if command -v desktop-file-validate >/dev/null 2>&1; then desktop-file-validate "$entry"; fi
  exec_line=$(sed -n 's/^Exec="\(.*\)"$/\1/p' "$entry") icon=$(sed -n 's/^Icon=//p' "$entry")
  if [ ! -x "$exec_line" ] || [ ! -s "$icon" ]; then
    echo "FAIL: the launcher starts '$exec_line' with icon '$icon'" >&2; exit 1
  fi
  XDG_DATA_HOME="$scratch/xdg" sh "$bundle_dir/install-launcher.sh" --remove
  [ ! -e "$entry" ] || { echo "FAIL: install-launcher.sh --remove left $entry" >&2; exit 1; }
fi
for made in handout.pdf handout-ar.pdf progress.pdf bundle.json second/treadwell.sqlite3; do
  [ -s "$scratch/$made" ] || { echo "FAIL: the frozen bundle did not write $made" >&2; exit 1; }
done
echo "frozen bundle checked: $binary"
