#!/bin/sh
# check_no_malloc.sh NM LIBRARY.a — the test `no-allocation-symbols`: no object of the static
# library refers to the C allocator. Fails if `nm -u` shows an undefined malloc, calloc, realloc,
# reallocarray, free, aligned_alloc, posix_memalign, memalign, valloc, pvalloc, strdup, strndup,
# asprintf or vasprintf, or if nm does not list pv_evaluate as defined (so that an unreadable
# archive cannot pass).
set -eu
nm=$1
lib=$2
defined=$("$nm" -g --defined-only "$lib")
if ! printf '%s\n' "$defined" | grep -Eq '[[:space:]]T[[:space:]]+pv_evaluate$'; then
  echo "no-allocation-symbols: FAIL: $lib does not define pv_evaluate (cannot read it?)" >&2
  exit 1
fi
pattern='^(__libc_)?(malloc|calloc|realloc|reallocarray|free|aligned_alloc|posix_memalign|memalign|valloc|pvalloc|strdup|strndup|__strdup|asprintf|vasprintf|__asprintf_chk|__vasprintf_chk)(@.*)?$'
found=$("$nm" -u "$lib" | awk '$1 == "U" { print $2 }' | grep -E "$pattern" | sort -u || true)
if [ -n "$found" ]; then
  echo "no-allocation-symbols: FAIL: $lib refers to the allocator:" >&2
  "$nm" -A -u "$lib" | grep -E "[[:space:]]U[[:space:]]+($(printf '%s' "$found" | tr '\n' '|' | sed 's/|$//'))$" >&2
  exit 1
fi
echo "no-allocation-symbols: $lib: no undefined allocator symbol"
