#!/bin/sh
# Themes in the reader: colours on a colour terminal, none at all under
# NO_COLOR (the monochrome theme: attributes only), and a user's theme in
# the config folder wins over the installed one of the same name.
. "$(dirname "$0")/lib.sh"

LIB=$(library)
ESC=$(printf '\033')

# colours FILE: the number of SGR sequences in FILE that set a colour.
colours() {
	grep -o "$ESC\\[[0-9;]*m" "$1" | grep -cE '\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;5;[0-9]+|48;5;[0-9]+)(;|m)'
}

E2E_TERM=screen-256color
start 100 30 "$LIB"
expect "Articles"
t capture-pane -p -e >"$E2E_TMP/colour.txt"
n=$(colours "$E2E_TMP/colour.txt")
[ "$n" -gt 0 ] && ok "default theme: $n colour sequences" ||
	fail "default theme draws no colour"
keys q
wait_exit 0

export NO_COLOR=1
start 100 30 --theme light "$LIB"
expect "Articles"
t capture-pane -p -e >"$E2E_TMP/mono.txt"
n=$(colours "$E2E_TMP/mono.txt")
[ "$n" -eq 0 ] && ok "NO_COLOR: no colour" || fail "NO_COLOR: $n colour sequences"
grep -q "$ESC\\[[0-9;]*7m" "$E2E_TMP/mono.txt" && ok "NO_COLOR: reverse video" ||
	fail "NO_COLOR: no reverse video for the selection or status"
keys q
wait_exit 0
unset NO_COLOR

# A user's "light" beats the installed one: all-red text.
mkdir -p "$XDG_CONFIG_HOME/inkstone/themes"
printf 'normal: { fg: red }\n' >"$XDG_CONFIG_HOME/inkstone/themes/light.yaml"
start 100 30 --theme light "$LIB"
expect "Articles"
t capture-pane -p -e >"$E2E_TMP/user.txt"
grep -q "$ESC\\[\\(.*;\\)\\?31[;m]" "$E2E_TMP/user.txt" && ok "user theme in force" ||
	fail "the user's light theme is not in force"
keys q
wait_exit 0

finish
