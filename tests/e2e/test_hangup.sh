#!/bin/sh
# The terminal goes away: tmux kill-session, kill-server, a SIGHUP sent to
# the reader, and a hangup with SIGHUP blocked (only the tty says so).
# Each time the reader is gone within a second, without spinning (its
# CPU time from /proc/PID/stat), and a tag given from the keyboard just
# before is in tags.yaml.  SIGTERM and SIGINT restore the terminal: the
# same tty modes as before, the alternate screen left, the cursor shown,
# and a shell read in the pane afterwards gets what is typed.
. "$(dirname "$0")/lib.sh"

LIB=$(library)
HZ=$(getconf CLK_TCK 2>/dev/null || echo 100)

now_ms() {
	echo $(($(date +%s%N) / 1000000))
}

# launch PREFIX: the reader on LIB behind PREFIX (a command that execs
# its arguments), with the tty's modes saved before and after it, and a
# shell read of one line after it.  LeakSanitizer's exit-time tracer does
# not survive a hangup (see test_reader_edges.sh): leak checks are off.
launch() {
	rm -f "$E2E_TMP/exit" "$E2E_TMP/stty.before" "$E2E_TMP/stty.after" \
	    "$E2E_TMP/typed"
	stop
	t new-session -d -x 100 -y 30 "stty -a >$E2E_TMP/stty.before; \
	    $1 env TERM=screen ASAN_OPTIONS=detect_leaks=0 $INKSTONE $LIB \
	    2>$E2E_TMP/stderr; echo \$? >$E2E_TMP/exit; \
	    stty -a >$E2E_TMP/stty.after; read l; echo \"got:\$l\" \
	    >$E2E_TMP/typed; sleep 60"
	t set-option -g status off >/dev/null
	expect "Articles" 10
	pane=$(t list-panes -F '#{pane_pid}')
	RPID=$(pgrep -P "$pane" | head -1)
	[ -n "$RPID" ] || fail "no reader process under the pane"
}

# tag TAG: tags the selected article from the keyboard.
tag() {
	keys t
	type_text "$1"
	keys Enter
	expect "tagged" 5
}

ticks() {
	awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null
}

# running PID: the process exists and has not exited.  Once the shell in
# the pane dies of the hangup, the reader's parent is init, which may take
# its time to reap it: a zombie has exited.
running() {
	st=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)
	[ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}

# gone WHAT: the reader (RPID) ends within a second of now; its CPU time
# over that second is printed and must be small.
gone() {
	before=$(ticks "$RPID")
	last=$before
	t0=$(now_ms)
	while running "$RPID"; do
		[ $(($(now_ms) - t0)) -gt 1000 ] && break
		v=$(ticks "$RPID")
		[ -n "$v" ] && last=$v
		sleep 0.02
	done
	ms=$(($(now_ms) - t0))
	used=$(((last - before) * 1000 / HZ))
	echo "$NAME: $1: gone in $ms ms, $used ms of CPU" >&2
	if running "$RPID"; then
		fail "$1: the reader still runs 1 s later (it used $used ms" \
		    "of CPU; state $(awk '{ print $3 }' /proc/$RPID/stat)," \
		    "in $(cat /proc/$RPID/wchan 2>/dev/null))"
		kill -KILL "$RPID"
	else
		ok "$1: gone in $ms ms"
	fi
	[ "$used" -le 300 ] || fail "$1: $used ms of CPU while exiting"
}

# saved TAG: tags.yaml holds TAG for one article.
saved() {
	n=$("$INKSTONE" list --tag "$1" "$LIB" 2>"$E2E_TMP/err" | wc -l)
	if [ "$n" -eq 1 ]; then
		ok "tag $1 saved"
	else
		fail "tag $1: $n articles carry it"
		sed 's/^/    stderr| /' "$E2E_TMP/err" >&2
	fi
}

# The session closed.
launch ""
keys Enter
tag hup-session
t kill-session
gone "kill-session"
saved hup-session

# The whole server.
launch ""
keys j Enter
tag hup-server
t kill-server
gone "kill-server"
saved hup-server

# SIGHUP sent to the reader, the terminal still there.
launch ""
keys j j Enter
tag hup-signal
kill -HUP "$RPID"
gone "SIGHUP"
saved hup-signal
wait_exit 129

# SIGHUP blocked (the mask survives exec): the reader must see the
# hangup on the tty itself and leave, not read end-of-file forever.
if command -v perl >/dev/null 2>&1; then
	launch "perl -MPOSIX -e 'sigprocmask(SIG_BLOCK, POSIX::SigSet->new(SIGHUP)); exec @ARGV or die' --"
	blk=$(awk '/^SigBlk/ { print substr($2, length($2)) }' \
	    "/proc/$RPID/status")
	case $blk in
	1|3|5|7|9|b|d|f) ok "SIGHUP blocked in the reader" ;;
	*) fail "SIGHUP is not blocked in the reader (SigBlk ends in $blk)" ;;
	esac
	keys j j j Enter
	tag hup-blocked
	t kill-session
	gone "hangup with SIGHUP blocked"
	saved hup-blocked
fi

# SIGTERM and SIGINT: the terminal as it was, and usable.
for sig in TERM INT; do
	launch ""
	keys Enter
	kill -"$sig" "$RPID"
	gone "SIG$sig"
	case $sig in
	TERM)	wait_exit 143 ;;
	INT)	wait_exit 130 ;;
	esac
	if cmp -s "$E2E_TMP/stty.before" "$E2E_TMP/stty.after"; then
		ok "SIG$sig: tty modes restored"
	else
		fail "SIG$sig: tty modes differ: $(diff "$E2E_TMP/stty.before" \
		    "$E2E_TMP/stty.after" | grep '^>' | tr '\n' ' ')"
	fi
	modes=$(t display-message -p '#{alternate_on} #{cursor_flag}')
	[ "$modes" = "0 1" ] && ok "SIG$sig: screen restored" ||
	    fail "SIG$sig: alternate screen and cursor are '$modes'"
	expect_not "Articles"
	type_text "still here"
	keys Enter
	i=0
	while [ ! -s "$E2E_TMP/typed" ] && [ $i -lt 20 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ "$(cat "$E2E_TMP/typed" 2>/dev/null)" = "got:still here" ] &&
	    ok "SIG$sig: the pane takes a line" ||
	    fail "SIG$sig: the shell read '$(cat "$E2E_TMP/typed" 2>/dev/null)'"
	expect "still here"
done
finish
