#!/bin/sh
# run.sh replay BIN...   run each target once over its corpus (no fuzzing)
# run.sh SECONDS BIN...  fuzz each target for SECONDS, growing its corpus
mode=$1; shift
fail=0
for bin in "$@"; do
	name=${bin##*/fuzz_}
	corpus=tests/fuzz/corpus/$name
	dict=tests/fuzz/$name.dict
	dictopt=""
	[ -f "$dict" ] && dictopt="-dict=$dict"
	if [ "$mode" = replay ]; then
		out=$("$bin" -runs=0 $dictopt "$corpus" 2>&1) || {
			echo "$out" | tail -30 >&2; echo "fuzz: FAIL $name" >&2; fail=1; continue; }
		echo "fuzz: replayed $(ls "$corpus" | wc -l) inputs of $name"
	else
		mkdir -p "build-fuzz/new-$name"
		"$bin" -max_total_time="$mode" -print_final_stats=1 $dictopt \
			-artifact_prefix="build-fuzz/$name-" \
			"build-fuzz/new-$name" "$corpus" >"build-fuzz/$name.log" 2>&1
		execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "build-fuzz/$name.log")
		echo "fuzz: $name: ${execs:-?} executions in ${mode}s"
		if ls build-fuzz/"$name"-crash-* build-fuzz/"$name"-leak-* \
		    build-fuzz/"$name"-timeout-* 2>/dev/null; then
			grep -E 'ERROR|SUMMARY' "build-fuzz/$name.log" | head -5
			fail=1
		fi
	fi
done
exit $fail
