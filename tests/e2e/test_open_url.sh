#!/bin/sh
# O (open-url) runs $BROWSER with the article's URL as one argument, with
# no shell: a URL full of shell syntax reaches the browser byte for byte
# and runs nothing.  The browser gets the terminal, default signal
# dispositions and the signal mask the reader was started with; the
# reader draws again afterwards.  URLs that are not http(s), start with
# '-' or hold control or bidi characters, and browsers that cannot run
# or fail get a message instead.
. "$(dirname "$0")/lib.sh"

lib="$E2E_TMP/urls"
mkdir -p "$lib"
url="https://example.com/a;touch $E2E_TMP/pwned1;\$(touch $E2E_TMP/pwned2)\`touch $E2E_TMP/pwned3\` & touch $E2E_TMP/pwned4 | x"
article() {	# FILE DATE TITLE URL
	printf -- "---\ntitle: %s\ndate: %s\nurl: '%s'\n---\nBody of %s.\n" \
	    "$3" "$2" "$4" "$3" >"$lib/$1"
}
article bait.md 2025-03-04 "Shell Bait" "$url"
article script.md 2025-03-03 "Script Link" "javascript:alert(1)"
article dash.md 2025-03-02 "Dash Link" "-x"
cat >"$lib/ctl.md" <<'EOF'
---
title: Control Link
date: 2025-03-01
url: "https://example.com/\e]0;x\a"
---
Body of Control Link.
EOF
# An RLM, which the article's cleaning lets through: refused by the check.
cat >"$lib/bidi.md" <<'EOF'
---
title: Bidi Link
date: 2025-02-28
url: "https://example.com/a\u200fb"
---
Body of Bidi Link.
EOF
printf 'Raw Headline Without Link\n\nA raw paragraph.\n' >"$lib/raw.txt"

# The browser: each argument on a line, whether it has the terminal, and
# its signal state and open descriptors.  The reader is started through a
# wrapper that notes the signal mask and descriptors it gets.  Both are Perl, which leaves the mask and the
# dispositions as it finds them (a shell changes them for its children).
cat >"$E2E_TMP/browser" <<'EOF'
#!/usr/bin/perl
my $d = $ENV{URL_TEST_DIR};
open(my $f, '>', "$d/args") or die; print $f "$_\n" for @ARGV; close $f;
open($f, '>', "$d/argc") or die; print $f scalar(@ARGV), "\n"; close $f;
open($f, '>', "$d/tty") or die;
print $f ((-t STDIN && -t STDOUT) ? "tty\n" : "notty\n"); close $f;
if (open(my $s, '<', '/proc/self/status')) {
	open($f, '>', "$d/sig") or die;
	print $f grep { /^Sig(Blk|Ign):/ } <$s>; close $f;
}
fds("$d/fds");
open($f, '>>', "$d/runs") or die; print $f "run\n"; close $f;
exit 0;
# The open descriptors but the one listing them.
sub fds {
	opendir(my $dh, "/proc/self/fd") or return;
	my $me = fileno($dh);
	my @fds = sort { $a <=> $b } grep { /^\d+$/ && $_ != $me } readdir($dh);
	open(my $o, '>', $_[0]) or die; print $o "@fds\n"; close $o;
}
EOF
cat >"$E2E_TMP/wrap" <<'EOF'
#!/usr/bin/perl
my $d = $ENV{URL_TEST_DIR};
if (open(my $s, '<', '/proc/self/status')) {
	open(my $f, '>', "$d/startsig") or die;
	print $f grep { /^SigBlk:/ } <$s>; close $f;
}
if (opendir(my $dh, "/proc/self/fd")) {
	my $me = fileno($dh);
	my @fds = sort { $a <=> $b } grep { /^\d+$/ && $_ != $me } readdir($dh);
	open(my $o, '>', "$d/startfds") or die; print $o "@fds\n"; close $o;
}
open(my $p, '>', "$d/pid") or die; print $p "$$\n"; close $p;
exec { $ENV{URL_TEST_READER} } $ENV{URL_TEST_READER}, @ARGV or die;
EOF
export URL_TEST_DIR="$E2E_TMP" URL_TEST_READER="$INKSTONE"
chmod +x "$E2E_TMP/browser" "$E2E_TMP/wrap"
real=$INKSTONE
INKSTONE=$E2E_TMP/wrap

runs() {
	if [ -f "$E2E_TMP/runs" ]; then wc -l <"$E2E_TMP/runs" | tr -d ' '
	else echo 0; fi
}

# wait_run N: waits until the browser has run N times.
wait_run() {
	i=0
	while [ "$(runs)" -lt "$1" ] && [ $i -lt $((50 * E2E_SLOW)) ]; do
		sleep 0.1
		i=$((i + 1))
	done
}

check_args() {	# WHERE
	if [ "$(cat "$E2E_TMP/argc" 2>/dev/null)" != 1 ]; then
		fail "$1: the browser got $(cat "$E2E_TMP/argc" 2>/dev/null) arguments, not 1"
		sed 's/^/    arg| /' "$E2E_TMP/args" >&2
	elif [ "$(cat "$E2E_TMP/args")" != "$url" ]; then
		fail "$1: the browser got another URL"
		printf '    want| %s\n    got | %s\n' "$url" "$(cat "$E2E_TMP/args")" >&2
	else
		ok "$1: the URL came as one argument, byte for byte"
	fi
	[ "$(cat "$E2E_TMP/tty")" = tty ] ||
	    fail "$1: the browser did not get the terminal"
	for n in 1 2 3 4; do
		[ ! -e "$E2E_TMP/pwned$n" ] || fail "$1: pwned$n was made: a shell ran"
	done
}

# SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGWINCH: bits 0 1 2 12 14 27.
SIGS=$(( (1 << 0) | (1 << 1) | (1 << 2) | (1 << 12) | (1 << 14) | (1 << 27) ))
check_signals() {
	[ -s "$E2E_TMP/sig" ] || return 0	# no /proc
	ign=$(sed -n 's/^SigIgn:[[:space:]]*//p' "$E2E_TMP/sig")
	blk=$(sed -n 's/^SigBlk:[[:space:]]*//p' "$E2E_TMP/sig")
	start=$(sed -n 's/^SigBlk:[[:space:]]*//p' "$E2E_TMP/startsig")
	[ $(( 0x$ign & SIGS )) -eq 0 ] ||
	    fail "the browser started with signals ignored: SigIgn $ign"
	[ "$blk" = "$start" ] ||
	    fail "the browser's signal mask $blk is not the reader's first $start"
	# No descriptor of the reader's (the pipe that reports a failed
	# exec, the store's lock, the indexer's pipe) reaches the browser.
	[ "$(cat "$E2E_TMP/fds")" = "$(cat "$E2E_TMP/startfds")" ] ||
	    fail "the browser has descriptors $(cat "$E2E_TMP/fds"), the reader started with $(cat "$E2E_TMP/startfds")"
}

export BROWSER="$E2E_TMP/browser"
start 100 30 "$lib"
expect "Shell Bait" 5
before=$(screen | sed '$d')
# From the list: the selected article's URL.
keys O
wait_run 1
check_args list
check_signals
expect "opened https://example.com/a;touch" 5
after=$(screen | sed '$d')
[ "$before" = "$after" ] || {
	fail "the screen is not drawn as it was before the browser ran"
	printf '%s\n' "$before" | sed 's/^/    before| /' >&2
	printf '%s\n' "$after" | sed 's/^/    after | /' >&2
}
check_width 100
# From the reading pane: the open article's.
keys Enter
expect "Body of Shell Bait" 5
rm -f "$E2E_TMP/args" "$E2E_TMP/argc"
keys O
wait_run 2
check_args reading
expect "Body of Shell Bait" 5
# Still reading the keys as before.
keys q
keys j
keys O
expect "refusing a URL that is not http:// or https://" 5
keys j
keys O
expect "refusing a URL that starts with '-'" 5
keys j
keys O
expect "refusing a URL that holds a control character" 5
keys j
keys O
expect "refusing a URL that holds a bidi control character" 5
keys j
expect "Raw Headline" 5
keys O
expect "the article has no URL" 5
[ "$(runs)" = 2 ] || fail "the browser ran $(runs) times, not twice"
check_width 100
keys q
wait_exit 0

# A browser that cannot be run, and one that fails: a message, and the
# screen drawn again.
export BROWSER="$E2E_TMP/no-such-browser --new-tab %s"
start 150 30 "$lib"
expect "Shell Bait" 5
keys O
expect "cannot run $E2E_TMP/no-such-browser: No such file or directory" 5
expect "Shell Bait" 5
check_width 150
keys q
wait_exit 0
# A bare name is looked up in PATH before the fork, as execvp would:
# not there, and there but not executable.
mkdir -p "$E2E_TMP/bin"
printf '#!/bin/sh\n' >"$E2E_TMP/bin/noexec-browser"
chmod 644 "$E2E_TMP/bin/noexec-browser"
export BROWSER=no-such-browser-xyz
PATH="$E2E_TMP/bin:$PATH" start 100 30 "$lib"
expect "Shell Bait" 5
keys O
expect "cannot run no-such-browser-xyz: No such file or directory" 5
keys q
wait_exit 0
export BROWSER=noexec-browser
PATH="$E2E_TMP/bin:$PATH" start 100 30 "$lib"
expect "Shell Bait" 5
keys O
expect "cannot run noexec-browser: Permission denied" 5
keys q
wait_exit 0
# false is found in PATH, runs, and fails.
export BROWSER=false
start 100 30 "$lib"
expect "Shell Bait" 5
keys O
expect "false exited with status 1" 5
expect "Shell Bait" 5
keys q
wait_exit 0
[ "$(runs)" = 2 ] || fail "the browser ran $(runs) times, not twice"

# While the browser runs the reader waits for it: SIGINT (a ^C in a
# terminal browser reaches both) is not the reader's, and SIGTERM ends
# the reader once the browser is done.
cat >"$E2E_TMP/slow" <<EOF
#!/bin/sh
sleep 2
echo done >>"$E2E_TMP/slow-done"
EOF
chmod +x "$E2E_TMP/slow"
export BROWSER="$E2E_TMP/slow"
start 100 30 "$lib"
expect "Shell Bait" 5
keys O
sleep 0.3
kill -INT "$(cat "$E2E_TMP/pid")"
expect "opened https" 10
sleep 0.5
if [ -s "$E2E_TMP/exit" ]; then
	fail "a SIGINT while the browser ran ended the reader (status $(cat "$E2E_TMP/exit"))"
else
	ok "a SIGINT while the browser ran left the reader running"
fi
# wait_done N: waits until the slow browser has finished N times.
wait_done() {
	i=0
	while [ "$(cat "$E2E_TMP/slow-done" 2>/dev/null | wc -l)" -lt "$1" ] &&
	    [ $i -lt $((50 * E2E_SLOW)) ]; do
		sleep 0.1
		i=$((i + 1))
	done
}
# A stop (^Z) while the browser runs is left at its default, so curses
# does not draw over the browser when they go on.  (In a shell with job
# control it stops the reader with the browser; tmux's pane is an
# orphaned process group, where the kernel drops it.)
pid=$(cat "$E2E_TMP/pid")
wait_done 1
keys O
sleep 0.3
kill -TSTP "$pid"
sleep 0.3
kill -CONT "$pid"
sleep 0.3
if [ "$(cat "$E2E_TMP/slow-done" 2>/dev/null | wc -l)" -lt 2 ] &&
    screen | grep -q "Shell Bait"; then
	fail "the reader drew over the browser when it was continued"
fi
wait_done 2
expect "Shell Bait" 5
keys O
sleep 0.3
kill -TERM "$pid"
wait_exit 143
[ "$(wc -l <"$E2E_TMP/slow-done" 2>/dev/null)" = 3 ] ||
    fail "the reader did not wait for the browser before it ended"
INKSTONE=$real
finish
