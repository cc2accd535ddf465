#!/usr/bin/env bash
# Types: mypy --strict (Debian's python3-mypy) over the Python package as it is built, with the
# settings of bindings/python/mypy.ini. The package is checked where the build assembles it, so
# that the generated SWIG module and the copies of the sources are what mypy reads.
set -euo pipefail
source .ci/lib.sh
dir=build-types
root=$(pwd)
echo "45-types: mypy --strict over the package built in $dir"

if ! /usr/bin/python3 -m mypy --version >/dev/null 2>&1; then
  echo "45-types: FAIL: mypy is missing (apt-get install python3-mypy)" >&2
  exit 1
fi
setup_build "$dir" -Dtests=false -Dpython=enabled
meson compile -C "$dir"
(cd "$dir/bindings/python" &&
  /usr/bin/python3 -m mypy --config-file "$root/bindings/python/mypy.ini" \
    --cache-dir "$root/$dir/mypy-cache" portvakt)
echo "45-types: OK: mypy --strict finds no issue in the package"
