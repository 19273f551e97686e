#!/bin/sh
# Runs the end-to-end tests named (default: every tests/e2e/test_*.sh)
# against ./inkstone.
cd "$(dirname "$0")/../.." || exit 1
fail=0; n=0
[ $# -gt 0 ] || set -- tests/e2e/test_*.sh
for t in "$@"; do
	[ -e "$t" ] || continue
	n=$((n + 1))
	if sh "$t"; then echo "e2e: ok   $t"; else echo "e2e: FAIL $t" >&2; fail=1; fi
done
echo "e2e: $n scripts"
exit $fail
