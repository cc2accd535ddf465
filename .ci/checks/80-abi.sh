#!/usr/bin/env bash
# The ABI is a promise: the shared library built now is compared (libabigail's abidiff) with the
# ABI of the last release committed in abi/. An incompatible change fails this check unless the
# soname changed with it (while on 0.x the soname carries major.minor: libportvakt.so.0.1).
# To record a new release's ABI: bash .ci/checks/80-abi.sh --update
set -euo pipefail
source .ci/lib.sh
dir=build-abi
if ! command -v abidiff >/dev/null 2>&1; then
  apt-get install -y abigail-tools >/dev/null
fi
echo "80-abi: the ABI of $dir against the committed baseline"

setup_build "$dir" -Dtests=false -Dpython=disabled --buildtype=debugoptimized
meson compile -C "$dir" portvakt:shared_library >/dev/null
so=$(readlink -f "$dir/src/libportvakt.so")
version=$(sed -n 's/^#define PV_VERSION_STRING "\(.*\)"$/\1/p' "$dir/include/portvakt_version.h")
current=$(mktemp /tmp/portvakt-abi.XXXXXX)
trap 'rm -f "$current"' EXIT
abidw --headers-dir include --header-file "$dir/include/portvakt_version.h" \
  --drop-private-types --no-show-locs --no-comp-dir-path --no-corpus-path "$so" > "$current"

if [ "${1:-}" = "--update" ]; then
  cp "$current" "abi/libportvakt-$version.abi"
  echo "80-abi: wrote abi/libportvakt-$version.abi"
  exit 0
fi

baseline=$(ls abi/libportvakt-*.abi | sort -V | tail -n 1)
soname_of() { sed -n "s/.*<abi-corpus [^>]*soname='\([^']*\)'.*/\1/p" "$1" | head -n 1; }
old_soname=$(soname_of "$baseline")
new_soname=$(soname_of "$current")
echo "baseline: $baseline (soname $old_soname); now: $version (soname $new_soname)"

# Additions of functions are compatible; any other change to the ABI (a removed or changed
# function, a struct or enum that changed size, layout or values) fails unless the soname changed.
# A later 0.x that grows a versioned struct at its end (see portvakt_core.h) records that
# deliberately in abi/suppressions.ini, so that no layout change passes by accident.
suppress=()
[ -f abi/suppressions.ini ] && suppress=(--suppressions abi/suppressions.ini)
set +e
abidiff --no-show-locs "${suppress[@]}" "$baseline" "$current"
abidiff --no-show-locs --no-added-syms "${suppress[@]}" "$baseline" "$current" >/dev/null
rc=$?
set -e
# abidiff's exit status is a bit field: 1 error, 2 usage error, 4 an ABI change, 8 an
# incompatible ABI change.
if [ $((rc & 3)) -ne 0 ]; then
  echo "80-abi: FAIL: abidiff could not compare (status $rc)" >&2
  exit 1
fi
if [ $((rc & 12)) -ne 0 ]; then
  if [ "$old_soname" = "$new_soname" ]; then
    echo "80-abi: FAIL: the ABI changed (above) and the soname is still $new_soname." >&2
    echo "  Either keep the ABI (add members only at the end of a versioned struct, raise its" >&2
    echo "  version and record it in abi/suppressions.ini), or change the soname (a new minor" >&2
    echo "  version while on 0.x) and record the new baseline: bash .ci/checks/80-abi.sh --update" >&2
    exit 1
  fi
  echo "80-abi: the ABI changed, with a new soname ($old_soname -> $new_soname): allowed"
else
  echo "80-abi: OK: no change to the ABI of the baseline but added functions, if any"
fi
