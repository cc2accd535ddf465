#!/usr/bin/env bash
# Proof: Frama-C's EVA (abstract interpretation) runs each harness of tests/proof/, which calls
# public functions with every input RULES.md section 8 allows (docs/PROOF.md), over all of src/.
# Fails on any alarm (an invalid memory access, an uninitialised read, a signed overflow, a
# division by zero ...), on any property not proved valid, on any warning, and on any function
# the harness can reach in the source that the analysis did not reach (dead for EVA: a proof of
# nothing). Runs the harnesses side by side (PROOF_JOBS, default the cores), the longest first.
set -euo pipefail
if ! command -v frama-c >/dev/null 2>&1; then
  apt-get install -y frama-c-base >/dev/null
fi
echo "90-proof: $(frama-c -version) EVA on tests/proof/*.c over src/"

work=$(mktemp -d /tmp/portvakt-proof.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "90-proof: FAIL: $*" >&2; exit 1; }

# The version header meson generates, for a tree that was not configured.
version=$(sed -n "s/^  version: '\([0-9.]*\)',$/\1/p" meson.build)
IFS=. read -r major minor patch <<<"$version"
sed -e "s/@VERSION@/$version/" -e "s/@VERSION_MAJOR@/$major/" -e "s/@VERSION_MINOR@/$minor/" \
  -e "s/@VERSION_PATCH@/$patch/" include/portvakt_version.h.in > "$work/portvakt_version.h"

# -c11 for _Static_assert; x86_64 as the compilers build it; prelude.h for what Frama-C 25 lacks
# (alignof, max_align_t, __builtin_ctz). CERT:EXP:46 is a style warning on 'bool | bool' (the
# operands are converted to integers on purpose in the fingerprint of prepared.c), not an error.
# Return states split on their value (-eva-split-return auto): a function that returns NULL or
# an object keeps the two apart, so the caller's test of it is precise; and the states split by
# a 'split' annotation (src/text/errors.c: the length of an index in a field path) stay apart
# after the function returns (-eva-interprocedural-splits).
cpp="-include tests/proof/prelude.h -I include -I $work -I tests/proof"
common=(-c11 -machdep x86_64
  -kernel-warn-key CERT:EXP:46=inactive
  -eva -eva-no-show-progress -eva-msg-key=-final-states,-initial-state -eva-split-return auto
  -eva-interprocedural-splits)

# Each harness and the precision it needs (more precision is more states kept apart: slower).
# main keeps up to 2000 states apart: a string is analysed once for each offset of its NUL in
# its buffer (tests/proof/nondet.h). names: loops of at most 32 rounds (the bits of a decision's
# reasons) unrolled in full.
strings="-eva-slevel-function main:2000"
# citizen: the whole record at its caps, at precision 2 (the equality domain and more states).
# evaluate: pv_evaluate over a record of shorter arrays (tests/proof/evaluate.c), at precision 2,
# each class of seal apart (below).
# units, prepared, who_can_see, timeline: each class of seal (scope and unit,
# tests/proof/seals.h) analysed apart, and the units of a record sorted by record_units_find(),
# whose states (one for each count of seals, src/input/record.c) need room; timeline: each class of actor too (a
# global of the harness, tests/proof/timeline.c).
harnesses=(date pnr names citizen evaluate units prepared who_can_see timeline prepared_decide
  prepared_decide_empty many many_empty)
units="-eva-slevel-function record_units_find:500"
seals="proof_seal0,proof_seal1"
declare -A options=([date]="-eva-precision 1 $strings" [pnr]="-eva-precision 1 $strings"
  [names]="-eva-precision 1 -eva-auto-loop-unroll 32 $strings" [citizen]="-eva-precision 2"
  [evaluate]="-eva-precision 2 -eva-partition-value $seals"
  [units]="-eva-precision 2 $units -eva-partition-value $seals"
  [prepared]="-eva-precision 2 $units -eva-partition-value $seals"
  [who_can_see]="-eva-precision 2 $units -eva-partition-value $seals"
  [timeline]="-eva-precision 2 $units -eva-partition-value $seals,proof_actor_class")
# prepared_decide: pv_evaluate_prepared over a record whose counts are fixed for the analysis
# (tests/proof/prepared_decide.c: every count PROOF_COUNT, 1 unless defined), as prepared.c
# otherwise; prepared_decide_empty: the same file with every count 0.
options[prepared_decide]=${options[prepared]}
options[prepared_decide_empty]=${options[prepared]}
# many, many_empty: pv_evaluate_many over such records (tests/proof/many.c), as prepared_decide;
# the functions of a request of src/fast/batch.c keep apart the states of each record prepared
# and each request's view (with the default room, states of records of different spans are
# joined before the decision reads them: 3 alarms in view_probe).
options[many]="${options[prepared]} -eva-slevel-function pv_evaluate_many:1000,start_run:1000,prepare_run:1000,decide_request:1000"
options[many_empty]=${options[many]}
# A harness analysed under definitions of its own: its file (default: its name) and them.
declare -A source=([prepared_decide_empty]=prepared_decide [many_empty]=many)
declare -A defines=([prepared_decide_empty]="-DPROOF_COUNT=0" [many_empty]="-DPROOF_COUNT=0")
# The functions a harness can reach in the source but, by design, not with its inputs; any other
# function not reached fails the check. evaluate: the prepared record's side of the gathering of
# facts (src/decision/facts.c: a pv_prepared is never passed by pv_evaluate), and the heap sort
# of a union of more than 16 spans (src/time/view.c), which its shorter record cannot build
# (docs/PROOF.md: not proved).
# A static inline function of a header has one copy per file, which Frama-C names f_1, f_2 ...
# in an order that changes with the files: a name matches the list with that suffix taken off.
# prepared: what depends on the date of a question, which pv_prepare does not have (the birth
# date on the date, src/input/validate.c birth_on; a short personnummer's century read against
# the date, src/input/pnr.c: pv_prepare reads the birth date of the twelve-digit form only), and
# the heap sort as for evaluate.
declare -A by_design=([evaluate]="entry_seals prepared_seals sink_set sink_span prep_contents
  prep_grant_groups prep_guardians prep_spans query_shape_of seal_kind_effect
  spans_heap_sort spans_sift"
  [prepared]="birth_on short_form_year reading_changes_on spans_heap_sort spans_sift")
# who_can_see, timeline: the same (their records are as short), and facts.c's copy of
# interval_contains, which only the facts of one day read (facts_on(), pv_decide's path): they
# decide every row and step over every day, with its changes_on. who_can_see: also
# restrictions.c's copies of interval_contains and date_key (a seal's content against the
# entry date a service asks for), as its rows ask for no entry.
by_design[who_can_see]="${by_design[evaluate]} interval_contains date_key"
by_design[timeline]="${by_design[evaluate]} interval_contains"
# prepared_decide: pv_evaluate's side of the gathering of facts (src/decision/facts.c: the
# record read on every call, and the grants read from it, right_to_act.c), which a prepared
# record never takes; the copies of internal.h's date helpers in those files (a name matches
# every copy: as for who_can_see); the heap sort as for evaluate.
by_design[prepared_decide]="record_periods record_seals sink_always same_unit seal_effect_on
  grant_counts grant_holder date_is_none date_key interval_contains query_shape_of
  seal_kind_effect spans_heap_sort spans_sift"
# prepared_decide_empty: the same, and what reads an element of an array, which a record with
# every count 0 has none of (its validation, its units and grant groups, its fingerprint, its
# spans, the rights of a guardian or representative, the errors at an index).
by_design[prepared_decide_empty]="${by_design[prepared_decide]} sink_interval sink_span
  guardian_right representative_complete representative_right build_unit holder_of mix_date
  mix_interval seal_is prep_grant_groups prep_guardians date_next_day mention_before
  record_mention_unit record_unit_is_first sift element_version_ok fail_at_0
  guardian_periods_ok interval_ok is_guardian_id periods_valid deny fact_holds error_set_at
  field_path_at path_element path_put_index span_of view_push"
# many: what prepared_decide does not reach, and what pv_evaluate_many never runs with its
# records: the fingerprint and its mixing functions (a run's record lives for the call alone and
# is never checked against a later citizen: prepared_build(..., false)), and the decision from
# the record itself (view_from_record: for a record too large for a run's storage, which a
# record of these counts never is; pv_evaluate's path, proved by evaluate.c).
by_design[many]="${by_design[prepared_decide]} fingerprint mix mix_date mix_interval mix_string
  mix_periods mix_seals mix_guardians mix_grants_and_representatives view_from_record"
# many_empty: the same, and what reads an element of an array, as for prepared_decide_empty (but
# the index in a field path, which the field of an invalid request has: "queries[1].service").
by_design[many_empty]="${by_design[many]} sink_interval sink_span guardian_right
  representative_complete representative_right build_unit holder_of seal_is prep_grant_groups
  prep_guardians date_next_day mention_before record_mention_unit record_unit_is_first sift
  element_version_ok fail_at_0 guardian_periods_ok interval_ok is_guardian_id periods_valid deny
  fact_holds error_set_at field_path_at span_of view_push"
# The order the analyses start in: the longest first (seconds of CPU, roughly), so that two
# cores end together.
declare -A cost=([evaluate]=210 [who_can_see]=175 [citizen]=140 [timeline]=115 [prepared]=35
  [units]=10 [pnr]=10 [names]=8 [date]=7 [prepared_decide]=280 [prepared_decide_empty]=30
  [many]=350 [many_empty]=15)
# PROOF_HARNESSES="evaluate citizen" runs only those (when working on one); CI runs them all.
if [ -n "${PROOF_HARNESSES:-}" ]; then
  read -r -a harnesses <<<"$PROOF_HARNESSES"
fi
for h in "${harnesses[@]}"; do
  [ -n "${options[$h]:-}" ] && [ -f "tests/proof/${source[$h]:-$h}.c" ] ||
    fail "no harness named '$h'"
done

# The analyses run side by side, PROOF_JOBS at once (default: the cores; each is one process of
# at most a few GiB), the longest first; their logs are checked one by one once all have ended.
analyse() { # harness: its log in $work/<harness>.log, "<exit status> <seconds>" in .status
  local h=$1 start rc=0
  start=$(date +%s)
  # shellcheck disable=SC2086 # the options are words
  frama-c "${common[@]}" -cpp-extra-args="$cpp ${defines[$h]:-}" ${options[$h]} \
    "tests/proof/${source[$h]:-$h}.c" src/*/*.c \
    -then -metrics -metrics-eva-cover > "$work/$h.log" 2>&1 || rc=$?
  echo "$rc $(($(date +%s) - start))" > "$work/$h.status"
}
jobs_max=${PROOF_JOBS:-$(nproc)}
# (kill fails when no analysis is left running: that is no failure of the check.)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
started=$(date +%s)
running=0
for h in $(for x in "${harnesses[@]}"; do echo "${cost[$x]:-0} $x"; done | sort -rn | cut -d' ' -f2); do
  if [ "$running" -ge "$jobs_max" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  analyse "$h" &
  running=$((running + 1))
done
wait

for h in "${harnesses[@]}"; do
  log="$work/$h.log"
  [ -f "$work/$h.status" ] || fail "the analysis of tests/proof/$h.c did not start or end"
  read -r rc seconds < "$work/$h.status"
  if [ "$rc" != 0 ]; then
    tail -n 40 "$log" >&2
    fail "frama-c did not complete on tests/proof/$h.c"
  fi
  if grep -q 'Warning' "$log"; then
    grep -A 2 'Warning' "$log" >&2
    fail "tests/proof/$h.c: the analysis warned or raised alarms (above)"
  fi
  grep -q '^ *0 alarms generated by the analysis' "$log" || fail "tests/proof/$h.c: alarms"
  # Every property reached (assertions, preconditions of callees ...) proved valid.
  if awk '/^ *(Assertions|Preconditions|Postconditions|Invariants|Assigns) /{
        if ($4 != 0 || $6 != 0) bad = 1 } END { exit !bad }' "$log"; then
    sed -n '/Evaluation of the logical properties/,/^ *-----/p' "$log" >&2
    fail "tests/proof/$h.c: properties not proved valid"
  fi
  reachable=$(sed -n 's/^ *Syntactically reachable functions = \([0-9]*\).*/\1/p' "$log")
  reached=$(sed -n 's/^ *Semantically reached functions = \([0-9]*\).*/\1/p' "$log")
  [ -n "$reachable" ] && [ -n "$reached" ] || fail "tests/proof/$h.c: no coverage figures"
  # The functions not reached, from the list of -metrics-eva-cover ("<file>: f; g;" lines).
  unreached=$(sed -n '/^ *Unreached functions/,/^\[metrics\]/p' "$log" | sed -e '1d' -e '$d' |
    sed 's/<[^>]*>://' | tr ';' '\n' | tr -d ' ' | grep -v '^$' || true)
  for f in $unreached; do
    case " $(echo ${by_design[$h]:-}) " in
      *" $f "* | *" ${f%_[0-9]*} "*) ;;
      *) fail "tests/proof/$h.c: $f is reachable but was not reached by the analysis" ;;
    esac
  done
  [ $((reachable - reached)) = "$(echo "$unreached" | grep -c . || true)" ] ||
    fail "tests/proof/$h.c: $reached of $reachable reachable functions reached by the analysis"
  # Each public function the harness calls is among those analysed, with statements reached.
  targets=$(grep -o '\bpv_[a-z_]*(' "tests/proof/${source[$h]:-$h}.c" | tr -d '(' | sort -u)
  for f in $targets; do
    grep -Eq "^  $f: [1-9][0-9]* stmts out of" "$log" ||
      fail "tests/proof/$h.c: $f was not reached by the analysis"
  done
  echo "$h: 0 alarms, every property valid, $reached of $reachable functions reached," \
    "$(echo "$targets" | wc -w) public functions, ${seconds} s"
done

echo "90-proof: OK: ${#harnesses[@]} harnesses, no alarm, no unproved property, nothing unreached" \
  "but what a harness names; $(($(date +%s) - started)) s with $jobs_max at once"
