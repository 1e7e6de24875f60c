#!/usr/bin/env bash
# Build a .dmg from the macOS app bundle. hdiutil exists only on macOS: .github/workflows/installers.yml runs this.
# On a Mac:  uv run python packaging/build.py && bash packaging/macos/make_dmg.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(uv run python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
app="build/dist/Treadwell.app"
[ -d "$app" ] || { echo "missing $app: run packaging/build.py on macOS first" >&2; exit 1; }
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
cp README.md "$staging/"  # the .app is signed as built: the README and the clinic server's guide go beside it
mkdir -p "$staging/docs" && cp docs/clinic-server.md "$staging/docs/"
ln -s /Applications "$staging/Applications"
mkdir -p build/installer
hdiutil create -volname "Treadwell $version" -srcfolder "$staging" -ov -format UDZO \
  "build/installer/Treadwell-$version.dmg"
echo "build/installer/Treadwell-$version.dmg"
