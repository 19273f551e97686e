#!/bin/sh
# run.sh replay BIN...   run each target once over its corpus (no fuzzing)
# run.sh SECONDS BIN...  fuzz each target for SECONDS, growing its corpus
#
# Besides tests/fuzz/corpus/NAME, each target is seeded from the files the
# project already has, read where they live so they never go stale: the
# sample and fixture articles for the text targets, the YAML test suite
# and the shipped YAML for the loaders.  The article and wrap targets read
# their first byte as a choice (file kind, width), so their seeds are
# copies with that byte put in front, made under build-fuzz/seed-NAME.
mode=$1; shift
fail=0

articles="articles tests/fixtures/articles tests/fixtures/hostile
    tests/fixtures/entities"
yamlsuite=tests/data/yaml-test-suite

# seed_prefixed NAME BYTE... : a copy of each article file per BYTE (an
# octal escape, or "ext" for the article target's kind byte).
seed_prefixed() {
	dir=build-fuzz/seed-$1; shift
	rm -rf "$dir"; mkdir -p "$dir"
	for f in $(find $articles -type f \( -name '*.txt' -o -name '*.md' \)); do
		base=$(echo "$f" | tr / _)
		for b in "$@"; do
			if [ "$b" = ext ]; then
				case $f in *.md) b='\155' ;; *) b='\164' ;; esac
			fi
			{ printf "$b"; cat "$f"; } >"$dir/$base-$(printf '%s' "$b" | tr -d '\\')"
		done
	done
	echo "$dir"
}

# seeds NAME : the folders that seed target NAME, besides its corpus.
seeds() {
	case $1 in
	article) seed_prefixed article ext ;;
	wrap) seed_prefixed wrap '\001' '\047' '\117' ;;	# widths 2, 40, 80
	text|entity) echo $articles ;;
	config) echo $yamlsuite tests/fixtures/config ;;
	theme) echo $yamlsuite themes tests/fixtures/config/themes ;;
	store) echo $yamlsuite tests/fixtures/config ;;
	gazetteer) echo $yamlsuite data tests/fixtures/config/state ;;
	esac
}

for bin in "$@"; do
	name=${bin##*/fuzz_}
	corpus=tests/fuzz/corpus/$name
	dict=tests/fuzz/$name.dict
	dictopt=""
	[ -f "$dict" ] && dictopt="-dict=$dict"
	extra=$(seeds "$name")
	if [ "$mode" = replay ]; then
		out=$("$bin" -runs=0 $dictopt "$corpus" $extra 2>&1) || {
			echo "$out" | tail -30 >&2; echo "fuzz: FAIL $name" >&2; fail=1; continue; }
		echo "fuzz: replayed $(find "$corpus" $extra -type f | wc -l) inputs of $name"
	else
		mkdir -p "build-fuzz/new-$name"
		"$bin" -max_total_time="$mode" -print_final_stats=1 $dictopt \
			-artifact_prefix="build-fuzz/$name-" \
			"build-fuzz/new-$name" "$corpus" $extra >"build-fuzz/$name.log" 2>&1
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
