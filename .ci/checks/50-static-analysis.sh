#!/usr/bin/env bash
# Static analysis of src/ and of the C of the bindings (bindings/common/, bindings/python/ext/,
# bindings/java/native/):
# clang-tidy with the committed .clang-tidy (bugprone, cert, clang-analyzer, readability; every
# finding an error) over the compile commands of build/ (built with the Python bindings), and
# cppcheck (warning, style, performance, portability). Any finding fails the check.
set -euo pipefail
build=${PV_CI_BUILD_DIR:-build}  # the quick start's build; it holds compile_commands.json
echo "50-static-analysis: clang-tidy and cppcheck on src/ and bindings/ (compile commands of $build)"
c_files=(src/*/*.c bindings/common/*.c bindings/python/ext/*.c)
# The Java binding's C, when the build has it (-Djava=auto finds a JDK).
if [ -f "$build/compile_commands.json" ] && grep -q "bindings/java/native/pvj_jni.c" "$build/compile_commands.json"; then
  c_files+=(bindings/java/native/*.c)
fi

echo "::: $(clang-tidy --version | grep -m1 version)"
# Two files at a time (two cores); --quiet leaves only findings, which .clang-tidy makes errors.
# The headers of this tree only (.clang-tidy's HeaderFilterRegex: paths relative to the build).
printf '%s\n' "${c_files[@]}" | xargs -P 2 -n 1 clang-tidy -p "$build" --quiet
echo "clang-tidy: no finding in ${#c_files[@]} files"

echo "::: $(cppcheck --version)"
cppcheck --error-exitcode=1 --enable=warning,style,performance,portability --inline-suppr \
  --std=c11 --quiet -I include -I "$build/include" src/ bindings/common/
# The extension's C with the headers of the Python it is built for.
python_include=$(/usr/bin/python3 -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
cppcheck --error-exitcode=1 --enable=warning,style,performance,portability --inline-suppr \
  --std=c11 --quiet --suppress=toomanyconfigs -I include -I "$build/include" -I bindings/common \
  -I bindings/python/ext -I "$python_include" bindings/python/ext/
# The Java binding's C with the JDK's JNI headers.
jdk=$(readlink -f /usr/lib/jvm/default-java 2>/dev/null || true)
if [ -n "$jdk" ] && [ -f "$jdk/include/jni.h" ]; then
  cppcheck --error-exitcode=1 --enable=warning,style,performance,portability --inline-suppr \
    --std=c11 --quiet --suppress=toomanyconfigs -I include -I "$build/include" \
    -I bindings/java/native -I "$jdk/include" -I "$jdk/include/linux" bindings/java/native/
fi
# The fuzzers (built only with -Dfuzzing, so not in the compile commands clang-tidy reads).
cppcheck --error-exitcode=1 --enable=warning,style,performance,portability --inline-suppr \
  --std=c11 --quiet --suppress=toomanyconfigs -I include -I "$build/include" -I bindings/common \
  -I src tests/fuzz/
echo "cppcheck: no finding"

echo "50-static-analysis: OK: clang-tidy and cppcheck found nothing in src/ and bindings/"
