#!/bin/sh
# The reader's edges: terminals it cannot use, an empty library, a binary
# article, monochrome and 8-colour terminals, and signals (the terminal is
# restored and the reader leaves promptly).
. "$(dirname "$0")/lib.sh"

LIB=$(library)

# TERM unset, dumb or unknown: a clear message and status 2.
for term in "" dumb no-such-terminal-xyz; do
	rm -f "$E2E_TMP/exit"
	stop
	t new-session -d -x 80 -y 24 "env TERM='$term' ASAN_OPTIONS=detect_leaks=0 $INKSTONE $LIB 2>$E2E_TMP/stderr; echo \$? >$E2E_TMP/exit; sleep 60"
	wait_exit 2
	if grep -q "TERM" "$E2E_TMP/stderr"; then
		ok "TERM='$term' explained"
	else
		fail "TERM='$term': no message"
	fi
	stop
done
rm -f "$E2E_TMP/exit"
stop
t new-session -d -x 80 -y 24 "env -u TERM $INKSTONE $LIB 2>$E2E_TMP/stderr; echo \$? >$E2E_TMP/exit; sleep 60"
wait_exit 2
grep -q "TERM is not set" "$E2E_TMP/stderr" && ok "unset TERM" ||
    fail "unset TERM: no message"
stop

# More than one PATH is a usage error.
"$INKSTONE" "$LIB" "$LIB" </dev/null >/dev/null 2>&1
[ $? -eq 2 ] && ok "two paths: status 2" || fail "two paths: not status 2"

# An empty library explains itself.
mkdir -p "$E2E_TMP/empty"
start 100 30 "$E2E_TMP/empty"
expect "No articles in"
expect "Articles 0/0"
keys q
wait_exit 0
stop

# A binary file (and, when not root, an unreadable one) is marked, and
# opening it shows its error instead of crashing.
printf '\177ELF\000\000\001\002binary\000\000' >"$LIB/zz-binary.txt"
if [ "$(id -u)" != 0 ]; then
	printf 'secret\n' >"$LIB/zz-unreadable.txt"
	chmod 000 "$LIB/zz-unreadable.txt"
fi
start 120 40 "$LIB"
expect "zz-binary.txt"
expect "! +zz-binary.txt"
keys /
type_text zz-binary
keys Enter
expect "Articles 1/"
keys Enter
expect "cannot be shown"
expect "binary|not text"
keys q
if [ "$(id -u)" != 0 ]; then
	keys c /
	type_text zz-unreadable
	keys Enter Enter
	expect "cannot be shown"
	expect "Permission denied"
	keys q
fi
keys q
wait_exit 0
stop
rm -f "$LIB/zz-binary.txt" "$LIB/zz-unreadable.txt"

# Monochrome (vt100) and 8 colours (screen), with NO_COLOR too.
for term in vt100 screen; do
	E2E_TERM=$term start 100 30 "$LIB"
	expect "Articles"
	keys Enter
	expect "Reading +1-"
	check_width 100
	keys q q
	wait_exit 0
	stop
done
NO_COLOR=1 start 100 30 "$LIB"
expect "Articles"
keys q
wait_exit 0
stop

# SIGTERM: the terminal is restored (the alternate screen is left, so the
# shell's screen is back) and the status is 128 + 15.
start 100 30 "$LIB"
expect "Articles"
pid=$(t list-panes -F '#{pane_pid}')
# The pane runs sh -c; the reader is its child.
rpid=$(pgrep -P "$pid" -f inkstone | head -1)
kill -TERM "$rpid"
wait_exit 143
expect_not "Articles"
stop

# SIGHUP (the terminal goes away): the reader exits at once, no spinning.
# LeakSanitizer's exit-time tracer is itself killed by the hangup and
# never returns, so leak checking is off for this one run.
ASAN_OPTIONS=detect_leaks=0 start 100 30 "$LIB"
expect "Articles"
pid=$(t list-panes -F '#{pane_pid}')
rpid=$(pgrep -P "$pid" -f inkstone | head -1)
stop
i=0
while kill -0 "$rpid" 2>/dev/null && [ $i -lt 30 ]; do
	sleep 0.1
	i=$((i + 1))
done
if kill -0 "$rpid" 2>/dev/null; then
	fail "the reader is still running 3 s after SIGHUP"
	kill -KILL "$rpid"
else
	ok "SIGHUP ends the reader"
fi
finish
