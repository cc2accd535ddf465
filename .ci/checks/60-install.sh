#!/usr/bin/env bash
# A real install: `meson install` into a temporary prefix, then check what a user gets: the
# shared and static library, the headers, portvakt.pc, the soname and version, the exported
# symbols against the PV_EXPORT functions of the public headers, and examples/portal_check.c
# built out of tree with nothing but `pkg-config --cflags --libs portvakt`.
set -euo pipefail
source .ci/lib.sh
dir=build-rel-install
prefix=$(mktemp -d /tmp/portvakt-install.XXXXXX)
trap 'rm -rf "$prefix"' EXIT
echo "60-install: meson install of $dir into $prefix"

setup_build "$dir" --prefix="$prefix" --libdir=lib
meson install -C "$dir" --quiet
fail() { echo "60-install: FAIL: $*" >&2; exit 1; }

version=$(sed -n 's/^#define PV_VERSION_STRING "\(.*\)"$/\1/p' "$prefix/include/portvakt_version.h")
major=${version%%.*}
# While on 0.x the soname carries major.minor (every minor release may change the ABI).
minor=${version#*.}; minor=${minor%%.*}
if [ "$major" = 0 ]; then sover="$major.$minor"; else sover=$major; fi
for f in include/portvakt.h include/portvakt_core.h include/portvakt_batch.h \
         include/portvakt_beyond.h include/portvakt_prepared.h include/portvakt_version.h \
         lib/libportvakt.a \
         "lib/libportvakt.so.$version" "lib/libportvakt.so.$sover" lib/libportvakt.so \
         lib/pkgconfig/portvakt.pc share/doc/portvakt/RULES.md share/doc/portvakt/LICENSE; do
  [ -e "$prefix/$f" ] || fail "$f is not installed"
  echo "installed: $f"
done

so="$prefix/lib/libportvakt.so.$version"
soname=$(readelf -d "$so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = "libportvakt.so.$sover" ] || fail "soname is '$soname', expected libportvakt.so.$sover"
echo "soname: $soname, version $version"

# The documented exports: every function declared with PV_EXPORT in the public header.
documented=$(cat include/portvakt_core.h include/portvakt_batch.h include/portvakt_beyond.h \
  include/portvakt_prepared.h |
  sed -n -E 's/^PV_EXPORT[^(]*[ *]([A-Za-z_][A-Za-z0-9_]*)\(.*/\1/p' | sort -u)
exported=$(nm -D --defined-only "$so" | awk '{print $NF}' | sort -u)
echo "exported symbols ($(echo "$exported" | wc -l)):"
echo "$exported" | sed 's/^/  /'
foreign=$(echo "$exported" | grep -v '^pv_' || true)
[ -z "$foreign" ] || fail "exported symbols without the pv_ prefix: $foreign"
missing=$(comm -23 <(echo "$documented") <(echo "$exported"))
[ -z "$missing" ] || fail "PV_EXPORT functions of the public headers not exported: $missing"
undocumented=$(comm -13 <(echo "$documented") <(echo "$exported"))
[ -z "$undocumented" ] || fail "exported but not declared PV_EXPORT in a public header: $undocumented"
echo "exports match the $(echo "$documented" | wc -l) PV_EXPORT functions of the public headers"

# The example, out of tree, with only what pkg-config says.
work="$prefix/example"
mkdir "$work"
cp examples/portal_check.c "$work/"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
flags="$(pkg-config --cflags portvakt) $(pkg-config --libs portvakt)"
[ "$(pkg-config --modversion portvakt)" = "$version" ] || fail "portvakt.pc has another version"
echo "pkg-config --cflags --libs portvakt: $flags"
(cd "$work" && cc -std=c11 -Wall -Wextra -Werror -o portal_check portal_check.c $flags)
readelf -d "$work/portal_check" | grep -q "NEEDED.*\[libportvakt.so.$sover\]" ||
  fail "portal_check is not linked against libportvakt.so.$sover"
LD_LIBRARY_PATH="$prefix/lib" "$work/portal_check" 2026-11-22 > "$work/out.txt"
LD_LIBRARY_PATH="$prefix/lib" ldd "$work/portal_check" | grep -q "libportvakt.so.$sover => $prefix/lib/" ||
  fail "portal_check does not load the installed library"
[ -s "$work/out.txt" ] || fail "portal_check printed nothing"
# As the README says for a prefix the loader does not search: an rpath, and no LD_LIBRARY_PATH.
libdir=$(pkg-config --variable=libdir portvakt)
(cd "$work" && cc -std=c11 -Wall -Wextra -Werror -o portal_check_rpath portal_check.c $flags \
  "-Wl,-rpath,$libdir")
env -u LD_LIBRARY_PATH "$work/portal_check_rpath" 2026-11-22 > /dev/null ||
  fail "portal_check built with -Wl,-rpath,$libdir does not start"
echo "built with -Wl,-rpath,$libdir: starts without LD_LIBRARY_PATH"

# The `portvakt` command that README promises after `meson install` (with the Python bindings).
[ -x "$prefix/bin/portvakt" ] || fail "bin/portvakt is not installed"
env -u PYTHONPATH "$prefix/bin/portvakt" eval examples/request.json > "$work/eval.json" ||
  fail "the installed portvakt command does not run"
grep -q '"effect"' "$work/eval.json" || fail "portvakt eval printed no decision"
echo "bin/portvakt eval examples/request.json: $(tr -d ' \n' < "$work/eval.json" | cut -c1-60)..."
head -n 5 "$work/out.txt"

echo "60-install: OK: libraries, headers, portvakt.pc, soname $soname, $(echo "$exported" | wc -l) pv_ exports, out-of-tree example runs"
