#!/usr/bin/env bash
# End-to-end check of the real terminal backend, driven through tmux.
#
# Starts tui-demo (a developer tool) in detached tmux sessions on a private tmux
# server, sends keys and mouse bytes, reads the screen with capture-pane, and
# checks what is shown and that the terminal is restored afterwards (stty back in
# canonical mode with echo, no alternate screen left) after a normal quit, Ctrl-C,
# SIGTERM, SIGSEGV and a Swift runtime trap. Also checks plain mode.
#
# Usage: scripts/tmux-smoke.sh [path/to/tui-demo]     (default .build/debug/tui-demo)
# Exit status: 0 all passed, 1 a check failed, 2 cannot run (no tmux, no binary).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${1:-.build/debug/tui-demo}
command -v tmux >/dev/null || { echo "tmux-smoke: tmux is not installed"; exit 2; }
[ -x "$BIN" ] || { echo "tmux-smoke: $BIN is not built (swift build --product tui-demo)"; exit 2; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

SOCKET=tui-smoke-$$
source scripts/tmux-lib.sh

# start NAME WIDTH HEIGHT TERM [demo arguments...]; NO_COLOR is cleared unless DEMO_ENV sets it.
DEMO_ENV=""
start() {
    local name=$1 width=$2 height=$3 term=$4
    shift 4
    tmx -u new-session -d -s "$name" -x "$width" -y "$height" \
        "env -u NO_COLOR LANG=C.UTF-8 TERM=$term $DEMO_ENV bash $WORK/run.sh $BIN $*"
}

demo_pid() { pgrep -P "$(tmx display -p -t "$1" '#{pane_pid}')"; }

echo "== 120x40, TERM=xterm-256color: panes, focus, keys, mouse, help, resize, quit"
start main 120 40 xterm-256color
expect main '┌─ Events \* ─' "three panes, Events focused"
expect main '┌─ Styles ─.*┌─ Glyphs ─' "Styles and Glyphs panes beside it"
expect main '███ █ █ ███' "block-font headline at 120x40"
expect main 'tui-demo 120x40  theme color  glyphs unicode' "status line: size, colour theme, Unicode"
tmx send-keys -t main Tab
expect main '┌─ Styles \* ─' "Tab moves focus to Styles"
tmx send-keys -t main Home End F5 BTab
expect main '[0-9]+ key home' "Home decoded (a fallback sequence under xterm-256color in tmux)"
expect main '[0-9]+ key end' "End decoded"
expect main '[0-9]+ key F5' "F5 decoded"
expect main '┌─ Events \* ─' "Shift-Tab moves focus back"
# An SGR mouse press and release at column 100, row 10 (1-based): inside the Glyphs pane.
tmx send-keys -t main -l $'\e[<0;100;10M'
tmx send-keys -t main -l $'\e[<0;100;10m'
expect main 'click 99,9' "mouse click decoded at (99, 9)"
expect main '┌─ Glyphs \* ─' "the click focuses the Glyphs pane"
tmx send-keys -t main '?'
expect main '┌─ Help ─' "? opens the help overlay"
expect main 'cycle theme \(color, mono, presenter\)' "help lists the keys"
tmx send-keys -t main Escape
expect_gone main '┌─ Help ─' "Esc closes the help overlay"
tmx send-keys -t main t
expect main 'theme mono' "t switches to the mono theme"
tmx resize-window -t main -x 60 -y 20
expect main 'terminal too small: 60x20, need 80x24' "too-small screen after a resize to 60x20"
tmx resize-window -t main -x 120 -y 40
expect main 'tui-demo 120x40' "relaid out after resizing back"
expect main 'resize 120x40' "the resize arrived as an event"
tmx send-keys -t main q
restored main 0 "quit with q"

echo "== 80x24, TERM=tmux-256color: compact layout"
start compact 80 24 tmux-256color --ascii
expect compact '^\+- Events \* -' "ASCII frames with --ascii"
expect compact 'tui-demo 80x24' "status line at 80x24"
tmx send-keys -t compact Home End
expect compact '2 key end' "Home and End from tmux's own terminfo"
tmx send-keys -t compact q
restored compact 0 "quit at 80x24"

echo "== NO_COLOR"
DEMO_ENV="NO_COLOR=1" start nocolor 100 30 xterm-256color
expect nocolor 'theme mono' "a non-empty NO_COLOR selects the mono theme"
tmx send-keys -t nocolor q
restored nocolor 0 "quit (NO_COLOR run)"

echo "== signals and crashes restore the terminal"
start sigint 100 30 xterm-256color
expect sigint '┌─ Events' "demo up (Ctrl-C run)"
tmx send-keys -t sigint C-c
restored sigint 130 "Ctrl-C (SIGINT)"

start sigterm 100 30 xterm-256color
expect sigterm '┌─ Events' "demo up (SIGTERM run)"
kill -TERM "$(demo_pid sigterm)"
restored sigterm 143 "SIGTERM"

start sigsegv 100 30 xterm-256color
expect sigsegv '┌─ Events' "demo up (SIGSEGV run)"
kill -SEGV "$(demo_pid sigsegv)"
restored sigsegv 139 "SIGSEGV"

start crash 100 30 xterm-256color --crash-key
expect crash '┌─ Events' "demo up (crash run)"
tmx send-keys -t crash '!'
expect crash 'Fatal error: tui-demo: deliberate crash' "the runtime's message is shown after the screen is restored"
restored crash '132|133' "Swift runtime trap (SIGILL/SIGTRAP)"

echo "== plain mode"
start dumb 100 30 dumb
expect dumb 'plain mode \(TERM is dumb\)' "TERM=dumb chooses plain mode"
expect dumb '^EXIT=0$' "plain mode exits 0"
start unknown 100 30 no-such-terminal
expect unknown 'plain mode \(TERM=no-such-terminal is not in the terminfo database\)' "an unknown TERM chooses plain mode"
piped=$(LANG=C.UTF-8 TERM=xterm-256color "$BIN" </dev/null | cat)
if grep -q 'plain mode (standard output is not a terminal)' <<<"$piped" && grep -q '^+- Events \* -' <<<"$piped" && ! grep -q $'\e' <<<"$piped"; then
    ok "piped output is a plain ASCII frame without escapes"
else
    bad "piped output"; echo "$piped" | sed 's/^/     | /'
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
