# .ci/lib.sh — helpers sourced by the scripts of .ci/checks (run from the repository root).

# setup_build DIR [MESON OPTIONS...]: configures DIR with the options, reusing DIR if it holds a
# build already (so that a second run only rebuilds what changed).
setup_build() {
  local dir=$1
  shift
  if [ -f "$dir/meson-private/coredata.dat" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@" >/dev/null
  fi
  echo "configured $dir: $*"
}
