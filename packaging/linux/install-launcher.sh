#!/bin/sh
# Puts Treadwell in this user's applications menu, run from the folder the tarball unpacked to:
#
#   ./install-launcher.sh            # add it (again, after the folder moved)
#   ./install-launcher.sh --remove   # take it out
#
# Writes one desktop entry (freedesktop.org) under ${XDG_DATA_HOME:-~/.local/share}/applications that starts the
# program in this folder, with its icon. Nothing else is changed; the records stay in the data folder (README).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
applications="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
entry="$applications/treadwell.desktop"

if [ "${1:-}" = "--remove" ]; then
  rm -f "$entry"
  echo "Treadwell taken out of the applications menu ($entry removed). The program and the records are untouched."
  exit 0
fi
if [ $# -gt 0 ]; then
  echo "usage: $0 [--remove]" >&2
  exit 2
fi
program="$here/treadwell"
icon="$here/_internal/resources/icons/treadwell.svg"
[ -x "$program" ] || { echo "No program at $program: run this script from the unpacked Treadwell folder." >&2; exit 1; }
case "$here" in  # a desktop entry cannot hold these without escapes that desktops read differently
  *[\"\`\$\\%]*) echo "The folder $here has a character a launcher cannot start (\" \` \$ \\ or %): move the" \
                      "folder to a path without them and run this again." >&2; exit 1 ;;
esac
mkdir -p "$applications"
temporary="$entry.partial"
cat > "$temporary" <<ENTRY
[Desktop Entry]
Type=Application
Name=Treadwell
GenericName=Treadmill exercise planner
Comment=Moderate treadmill plans for neuropathic pain, with the evidence behind them
Exec="$program"
Icon=$icon
Terminal=false
Categories=Science;MedicalSoftware;
StartupWMClass=Treadwell
ENTRY
mv "$temporary" "$entry"
if command -v update-desktop-database > /dev/null 2>&1; then
  update-desktop-database "$applications" > /dev/null 2>&1 || true
fi
echo "Treadwell added to the applications menu ($entry), starting $program."
