#!/bin/sh
# Runs every end-to-end test (tests/e2e/test_*.sh) against ./inkstone.
cd "$(dirname "$0")/../.." || exit 1
fail=0; n=0
for t in tests/e2e/test_*.sh; do
	[ -e "$t" ] || continue
	n=$((n + 1))
	if sh "$t"; then echo "e2e: ok   $t"; else echo "e2e: FAIL $t" >&2; fail=1; fi
done
echo "e2e: $n scripts"
exit $fail
