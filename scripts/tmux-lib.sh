#!/usr/bin/env bash
# Shared by the tmux end-to-end scripts (sourced, not run): a private tmux server,
# a wrapper that reports how a program ended and the terminal mode it left, and
# polling checks on capture-pane text.
#
# The sourcing script sets SOCKET (a server name) and may set EXPECT_TRIES (polls of
# 0.1 s, default 50); it defines `start` itself.

WORK=$(mktemp -d)
# A private server (-L) with no user configuration: never touches anyone's sessions.
tmx() { tmux -L "$SOCKET" -f /dev/null "$@"; }
cleanup() { tmx kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# Each pane runs the program under this wrapper, which then reports how it ended and
# the terminal mode it left behind. The wrapper traps SIGINT so it survives Ctrl-C
# itself; the program still starts with the default action (exec resets caught signals).
cat > "$WORK/run.sh" <<'WRAPPER'
#!/usr/bin/env bash
trap 'echo "wrapper: saw SIGINT"' INT
"$@"
echo "EXIT=$?"
echo "STTY: $(stty -a | tr ' ;' '\n\n' | grep -E '^-?(isig|icanon|echo)$' | tr '\n' ' ')"
sleep 300
WRAPPER

pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# The visible screen; for a session named `plain...` (no alternate screen) the scrollback too.
screen() {
    if [[ $1 == plain* ]]; then tmx capture-pane -p -S - -t "$1"; else tmx capture-pane -p -t "$1"; fi
}

# expect NAME REGEX DESCRIPTION: polls the screen until it matches.
expect() {
    for _ in $(seq "${EXPECT_TRIES:-50}"); do
        if screen "$1" | grep -qE -- "$2"; then ok "$3"; return 0; fi
        sleep 0.1
    done
    bad "$3: the screen never matched /$2/"
    screen "$1" | sed 's/^/     | /'
}

# expect_gone NAME REGEX DESCRIPTION: polls until the text has disappeared.
expect_gone() {
    for _ in $(seq "${EXPECT_TRIES:-50}"); do
        if ! screen "$1" | grep -qE -- "$2"; then ok "$3"; return 0; fi
        sleep 0.1
    done
    bad "$3: /$2/ is still on screen"
}

# restored NAME EXIT-REGEX DESCRIPTION: the program ended as expected and left the terminal sane.
restored() {
    expect "$1" "^EXIT=($2)\$" "$3: exit status"
    expect "$1" '^STTY: isig icanon echo ?$' "$3: stty back to canonical mode with echo"
    if [ "$(tmx display -p -t "$1" '#{alternate_on}')" = 0 ]; then ok "$3: alternate screen left"; else bad "$3: still on the alternate screen"; fi
}
