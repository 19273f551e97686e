#!/bin/sh
# Run each cmocka test binary; report and fail on the first that fails.
fail=0
for t in "$@"; do
	if ! "$t"; then echo "FAIL: $t" >&2; fail=1; fi
done
exit $fail
