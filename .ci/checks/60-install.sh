#!/usr/bin/env bash
# A real install: `meson install` into a temporary prefix, then check what a user gets: the
# shared and static library, the headers, portvakt.pc, the soname and version, the exported
# symbols against the PV_EXPORT functions of include/portvakt.h, and examples/portal_check.c
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
for f in include/portvakt.h include/portvakt_version.h lib/libportvakt.a \
         "lib/libportvakt.so.$version" "lib/libportvakt.so.$major" lib/libportvakt.so \
         lib/pkgconfig/portvakt.pc; do
  [ -e "$prefix/$f" ] || fail "$f is not installed"
  echo "installed: $f"
done

so="$prefix/lib/libportvakt.so.$version"
soname=$(readelf -d "$so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = "libportvakt.so.$major" ] || fail "soname is '$soname', expected libportvakt.so.$major"
echo "soname: $soname, version $version"

# The documented exports: every function declared with PV_EXPORT in the public header.
documented=$(sed -n -E 's/^PV_EXPORT[^(]*[ *]([A-Za-z_][A-Za-z0-9_]*)\(.*/\1/p' include/portvakt.h | sort -u)
exported=$(nm -D --defined-only "$so" | awk '{print $NF}' | sort -u)
echo "exported symbols ($(echo "$exported" | wc -l)):"
echo "$exported" | sed 's/^/  /'
foreign=$(echo "$exported" | grep -v '^pv_' || true)
[ -z "$foreign" ] || fail "exported symbols without the pv_ prefix: $foreign"
missing=$(comm -23 <(echo "$documented") <(echo "$exported"))
[ -z "$missing" ] || fail "PV_EXPORT functions of include/portvakt.h not exported: $missing"
undocumented=$(comm -13 <(echo "$documented") <(echo "$exported"))
[ -z "$undocumented" ] || fail "exported but not declared PV_EXPORT in include/portvakt.h: $undocumented"
echo "exports match the $(echo "$documented" | wc -l) PV_EXPORT functions of include/portvakt.h"

# The example, out of tree, with only what pkg-config says.
work="$prefix/example"
mkdir "$work"
cp examples/portal_check.c "$work/"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
flags="$(pkg-config --cflags portvakt) $(pkg-config --libs portvakt)"
[ "$(pkg-config --modversion portvakt)" = "$version" ] || fail "portvakt.pc has another version"
echo "pkg-config --cflags --libs portvakt: $flags"
(cd "$work" && cc -std=c11 -Wall -Wextra -Werror -o portal_check portal_check.c $flags)
readelf -d "$work/portal_check" | grep -q "NEEDED.*\[libportvakt.so.$major\]" ||
  fail "portal_check is not linked against libportvakt.so.$major"
LD_LIBRARY_PATH="$prefix/lib" "$work/portal_check" 2026-11-22 > "$work/out.txt"
LD_LIBRARY_PATH="$prefix/lib" ldd "$work/portal_check" | grep -q "libportvakt.so.$major => $prefix/lib/" ||
  fail "portal_check does not load the installed library"
[ -s "$work/out.txt" ] || fail "portal_check printed nothing"
head -n 5 "$work/out.txt"

echo "60-install: OK: libraries, headers, portvakt.pc, soname $soname, $(echo "$exported" | wc -l) pv_ exports, out-of-tree example runs"
