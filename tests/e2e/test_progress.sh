#!/bin/sh
# A command's cold index build shows a progress bar on stderr when stderr
# is a terminal, cleared when done; never when stderr is a file or a pipe.
. tests/e2e/lib.sh

lib=$E2E_TMP/lib
mkdir -p "$lib"
i=0
while [ $i -lt 600 ]; do
	printf -- '---\ntitle: Note %d on Kestrel Co\n---\nKestrel Co (紅隼) said on Monday it sold %d chips.\n' \
	    $i $i >"$lib/n$i.md"
	i=$((i + 1))
done

raw=$E2E_TMP/pane.raw
: >"$raw"
stop
t new-session -d -x 100 -y 10 "sh"
t set-option -g status off >/dev/null
t pipe-pane -o "cat >>$raw"
# run CMD: types CMD at the shell and waits for its exit status.
run() {
	rm -f "$E2E_TMP/rc"
	t send-keys "$1 >/dev/null; echo \$? >$E2E_TMP/rc" Enter
	i=0
	while [ ! -s "$E2E_TMP/rc" ] && [ $i -lt $((300 * E2E_SLOW)) ]; do
		sleep 0.1
		i=$((i + 1))
	done
	sleep 0.2
}
run "$INKSTONE list $lib"
[ "$(cat "$E2E_TMP/rc" 2>/dev/null)" = 0 ] || fail "list did not exit 0"
tr '\r' '\n' <"$raw" | grep -aq 'inkstone: indexing \[#*-*\] [0-9]*/600' ||
	fail "no progress bar in what the terminal got"
tr '\r' '\n' <"$raw" | grep -aq 'indexing \[#*\] 600/600' ||
	fail "the bar never reached 600/600"
screen | grep -q indexing && fail "the bar is still on the screen"
t pipe-pane

# Warm: nothing to build, no bar.
: >"$raw"
t pipe-pane -o "cat >>$raw"
run "$INKSTONE entities $lib"
[ "$(cat "$E2E_TMP/rc" 2>/dev/null)" = 0 ] || fail "entities did not exit 0"
t pipe-pane
grep -aq indexing "$raw" && fail "a warm start drew the bar"

# stderr not a terminal: a cold build says nothing.
rm -rf "$XDG_CACHE_HOME"
"$INKSTONE" list "$lib" >/dev/null 2>"$E2E_TMP/err" || fail "list exit"
[ -s "$E2E_TMP/err" ] && fail "stderr to a file got: $(head -c 200 "$E2E_TMP/err")"
"$INKSTONE" list "$lib" 2>&1 | grep -q indexing && fail "a pipe got the bar"

finish
