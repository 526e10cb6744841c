#!/usr/bin/env bash
# End-to-end check of the demonstrator: the real mikey-ibake binary in tmux.
#
# 120x40 (LANG=C.UTF-8): start, step until abP shows in both the Initiator's and
# the Responder's pane, save the frame (S), open the eavesdropper view, trigger
# forking, open help, resize below the minimum and back, quit; the screen is checked
# with capture-pane at each point, and the terminal must be back in its normal mode
# afterwards. Saving where nothing can be written shows why, and the session goes on.
# Then the compact layout at 80x24; at 120x40 the last step's who-knows view, the go-to
# prompt, R_MESSAGE_1's IBE layer opened as I and a saved frame; the attack lab (a bit of U
# flipped in I_MESSAGE_1, the refusal, Esc back); Ctrl-C, plain mode (on the terminal: a prompt
# answered by single keys, q without Enter, Ctrl-C; `| cat`: everything at once), and the first
# tutorial (`tutorial why`) played to its end with Enter at 120x40: its text beside
# the panes at the start, the middle and the end, an answer revealed, presenter mode;
# and the bytes tour at 80x24, where t gives the demo the screen: the inspector shows
# the field the section selects.
#
# Usage: scripts/tmux-demonstrator.sh [path/to/mikey-ibake]   (default .build/debug/mikey-ibake)
# Exit status: 0 all passed, 1 a check failed, 2 cannot run (no tmux, no binary).
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8   # bash slices the captured lines by character, not by byte

BIN=${1:-.build/debug/mikey-ibake}
command -v tmux >/dev/null || { echo "tmux-demonstrator: tmux is not installed"; exit 2; }
[ -x "$BIN" ] || { echo "tmux-demonstrator: $BIN is not built (swift build --product mikey-ibake)"; exit 2; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
ARGS="--params toy --seed 1"

SOCKET=mikey-demo-$$
EXPECT_TRIES=100
source scripts/tmux-lib.sh

# start NAME WIDTH HEIGHT COMMAND...   (in $WORK, where S saves its frames; DIR=... another)
start() {
    local name=$1 width=$2 height=$3
    shift 3
    tmx -u new-session -d -s "$name" -x "$width" -y "$height" -c "${DIR:-$WORK}" \
        "env -u NO_COLOR LANG=C.UTF-8 TERM=xterm-256color bash $WORK/run.sh $*"
}

# A value row of pane N (0-based, 40 columns each at 120x40) shows NAME with a value, not a dash.
pane_has() {
    local session=$1 pane=$2 name=$3 line
    while IFS= read -r line; do
        local cell=${line:$((pane * 40)):40}
        if [[ $cell =~ [+\ ]\ $name\ +[0-9a-f] ]]; then return 0; fi
    done < <(screen "$session")
    return 1
}

echo "== 120x40: step to abP, eavesdropper view, forking, help, resize, quit"
start main 120 40 "$BIN" $ARGS
expect main '┌─ \* Initiator · alice@ims\.example' "Initiator pane, focused, titled with its identity"
expect main '┌─ Responder · bob@ims\.example.*┌─ KMS · kms\.ims\.example' "Responder and KMS panes beside it"
expect main 'basic · step 1/19 · provisioning · seed 1 · toy' "status line: scenario, step, phase, seed, parameter set"
expect main 'Step 1/19 · KMS compute · KMS picks s, publishes sP' "narration of the first step"
steps=1
until pane_has main 0 abP && pane_has main 1 abP; do
    [ "$steps" -ge 19 ] && break
    tmx send-keys -t main Right
    steps=$((steps + 1))
    expect main "step $steps/19" "Right steps to $steps" >/dev/null
done
if pane_has main 0 abP && pane_has main 1 abP; then ok "abP shows in both the Initiator's and the Responder's pane at step $steps"; else bad "abP never showed in both panes"; fi
[ "$steps" -eq 13 ] && ok "that is step 13 (I opens R_MESSAGE_1)" || bad "abP in both panes at step $steps, expected 13"
expect main 'R_MESSAGE_1 .*IBE_I\(.*aP, .*bP\)' "the wire shows R_MESSAGE_1 with the values it carries, aP and bP"
expect main '\+ abP .*← computed' "the new abP is marked, with where it came from"
tmx send-keys -t main S
frame=$WORK/mikey-ibake-basic-step13-120x40
expect main "saved mikey-ibake-basic-step13-120x40\.txt and \.svg in $WORK" "S saves the frame and says where"
if [ -s "$frame.txt" ] && grep -q '^ basic · step 13/19 · exchange · seed 1 · toy' "$frame.txt" && grep -q '+ abP .*← computed' "$frame.txt"; then
    ok "the text file holds the frame that was on screen"
else
    bad "no frame text in $frame.txt"
fi
if head -2 "$frame.svg" 2>/dev/null | grep -q '^<svg xmlns="http://www.w3.org/2000/svg" width="1008" height="680"'; then
    ok "the SVG file is a 120x40 image"
else
    bad "no SVG image in $frame.svg"
fi
if "$BIN" snapshot $ARGS --step 13 --size 120x40 --out - | cmp -s - "$frame.txt"; then
    ok "mikey-ibake snapshot draws the same frame"
else
    bad "the saved frame and mikey-ibake snapshot --step 13 differ"
    diff <("$BIN" snapshot $ARGS --step 13 --size 120x40 --out -) "$frame.txt" | head -10 | sed 's/^/     | /'
fi
tmx send-keys -t main e
expect main '┌─ Eve · holds 6 messages, 1027 B' "e opens the eavesdropper's pane: the wire bytes she holds"
expect main '─ cannot compute ─' "her impossibilities"
expect main '✗ abP +needs a or b' "abP is out of her reach, with the reason"
tmx send-keys -t main f
expect main 'forking · step 23/28' "f switches to forking at the same point (I opens R_MESSAGE_1)"
expect main "Bob's phone" "the devices' panes"
tmx send-keys -t main '?'
expect main '┌─ Help · keys' "? opens the help overlay"
expect main 'forking, retargeting, deferred delivery' "help lists the keys"
tmx send-keys -t main Escape
expect_gone main '┌─ Help · keys' "Esc closes help"
tmx resize-window -t main -x 60 -y 20
expect main 'terminal too small: 60x20, need 80x24' "too-small notice after a resize"
tmx resize-window -t main -x 120 -y 40
expect main 'forking · step 23/28' "laid out again after resizing back"
tmx send-keys -t main q
restored main 0 "quit with q"

echo "== 80x24: compact layout"
start compact 80 24 "$BIN" $ARGS --step 13
expect compact '┌─ \* I Initiator' "compact pane titles"
expect compact '12 R→I     R_MESSAGE_1 205 B' "the wire in compact form"
expect compact 'basic · 13/19 · exchange · seed 1' "compact status line"
tmx send-keys -t compact Right
expect compact 'basic · 14/19' "Right steps"
tmx send-keys -t compact q
restored compact 0 "quit at 80x24"

echo "== 120x40: to the end, who knows what, R_MESSAGE_1's IBE layer opened as I, a snapshot"
start layers 120 40 "$BIN" $ARGS
expect layers 'basic · step 1/19' "started"
tmx send-keys -t layers G
expect layers 'basic · step 19/19 · media' "G: the last step, its phase named"
tmx send-keys -t layers w
expect layers '┌─ \* Who knows what · step 19/19' "w: the who-knows view"
expect layers '│ abP +✓ 13 +✓ 11 +— +✗ +same value' "abP: I and R hold the same, the KMS not, Eve cannot"
tmx send-keys -t layers w
expect layers '┌─ \* Initiator' "w again: the panes"
tmx send-keys -t layers :
expect layers '┌─ Go to step' ": the go-to prompt"
tmx send-keys -t layers -l 'send:R_MESSAGE_1'
tmx send-keys -t layers Enter
expect layers 'basic · step 12/19' "send:R_MESSAGE_1 goes to step 12"
tmx send-keys -t layers Tab Tab Tab Tab
expect layers '┌─ \* Inspector' "Tab to the inspector"
tmx send-keys -t layers o
expect layers 'Inspector as I' "o: the layers opened as I"
for _ in 1 2 3 4 5 6; do tmx send-keys -t layers PgDn; done
expect layers 'ECCPT' "PgDn to the plaintext sub-payloads, field by field"
tmx send-keys -t layers S
expect layers 'saved mikey-ibake-basic-step12-120x40' "S saves the frame"
if [ -s "$WORK/mikey-ibake-basic-step12-120x40.txt" ] && grep -q 'Inspector as I' "$WORK/mikey-ibake-basic-step12-120x40.txt"; then
    ok "the saved frame shows the opened layer"
else
    bad "the saved frame is missing or does not show the opened layer"
fi
tmx send-keys -t layers q
restored layers 0 "quit after the layers"

echo "== 120x40: the attack lab: flip a bit of U in I_MESSAGE_1, the refusal, Esc back"
start attack 120 40 "$BIN" $ARGS
expect attack 'basic · step 1/19' "started"
tmx send-keys -t attack : send:I_MESSAGE_1 Enter
expect attack 'Step 9/19 · I send · I sends I_MESSAGE_1' "at I_MESSAGE_1"
tmx send-keys -t attack Tab Tab Tab Tab PageDown PageDown PageDown PageDown PageDown PageDown
expect attack '┌─ \* Inspector · I_MESSAGE_1' "the inspector has focus"
expect attack '0087   Encr data ' "its last field, the IBE ciphertext, chosen"
tmx send-keys -t attack A
expect attack '┌─ What if Eve\.\.\. · I_MESSAGE_1 \(step 9\)' "A opens the attack menu for I_MESSAGE_1"
expect attack 'flip IBAKE\.U \(its last bit\)' "it offers to flip U, the ciphertext's first field"
tmx send-keys -t attack Enter
expect attack 'basic · what if: flip IBAKE\.U at I_MESSAGE_1 · 9/12' "Enter: the branch at the same step, what if in the status line"
expect attack '┌─ Wire · what if · ' "and on the wire"
tmx send-keys -t attack Right Right
expect attack 'Step 11/12 · R refuse · R refuses I_MESSAGE_1' "stepping on: R refuses the altered message"
expect attack '✗ refused by the IBE decryption check' "the check that caught it"
tmx send-keys -t attack z
expect attack 'Responder · refuse' "presenter mode: the refusal as the slide"
tmx send-keys -t attack z
expect_gone attack '┌─ Presenter' "z again: the panes"
tmx send-keys -t attack Escape
expect attack 'basic · step 9/19 · exchange' "Esc: the main line again, at step 9"
expect_gone attack 'what if' "no what if left on screen"
tmx send-keys -t attack q
restored attack 0 "quit after the attack lab"

echo "== saving where nothing can be written"
DIR=/proc start readonly 100 30 "$BIN" $ARGS
expect readonly 'basic · step 1/19' "demonstrator up in /proc"
tmx send-keys -t readonly S
expect readonly 'could not save the frame: /proc/mikey-ibake-basic-step1-100x30\.txt: ' "S says why the frame was not saved"
tmx send-keys -t readonly Right
expect readonly 'basic · step 2/19' "the session goes on"
tmx send-keys -t readonly q
restored readonly 0 "quit after a failed save"

echo "== Ctrl-C"
start sigint 100 30 "$BIN" $ARGS
expect sigint '┌─ \* (I )?Initiator' "demonstrator up"
tmx send-keys -t sigint C-c
restored sigint 130 "Ctrl-C (SIGINT)"

echo "== plain mode on the terminal: a prompt, single keys"
start plain 100 30 "$BIN" $ARGS --plain
expect plain 'MIKEY-IBAKE Lab: scenario basic' "the plain header"
expect plain '^step 1/19 \[KMS compute\] KMS picks s, publishes sP' "the first step"
expect plain '^\[step 1/19\] Enter or Space: next step, a: all the rest, q: quit$' "a prompt after it"
if screen plain | grep -q '^step 2/19'; then bad "plain mode did not wait"; else ok "it waits for a key"; fi
tmx send-keys -t plain Space
expect plain '^step 2/19 \[I send\]' "Space shows the next step, no Enter needed"
tmx send-keys -t plain Enter
expect plain '^\[step 3/19\]' "Enter too"
tmx send-keys -t plain x
sleep 0.3
if screen plain | grep -q '^step 4/19'; then bad "an unbound key stepped"; else ok "other keys do nothing"; fi
tmx send-keys -t plain q
restored plain 0 "q without Enter ends plain mode"
if screen plain | grep -qE '^q$|^step 4/19'; then bad "q was echoed or stepped"; else ok "q is not echoed"; fi
start plain-rest 100 30 "$BIN" $ARGS --plain
expect plain-rest '^\[step 1/19\]' "plain mode up again"
tmx send-keys -t plain-rest a
expect plain-rest '^step 19/19 ' "a prints all the rest"
restored plain-rest 0 "after the rest"
start plain-int 100 30 "$BIN" $ARGS --plain
expect plain-int '^\[step 1/19\]' "plain mode up for Ctrl-C"
tmx send-keys -t plain-int C-c
restored plain-int 130 "Ctrl-C at the prompt"

echo "== plain mode: | cat"
start plain-piped 100 30 sh -c "'$BIN $ARGS | cat'"
expect plain-piped '^step 19/19 ' "piped: every step at once, without a key"
expect plain-piped '^EXIT=0$' "then it ends"
if screen plain-piped | grep -q 'q: quit'; then bad "piped output still prompted"; else ok "no prompt"; fi
piped=$("$BIN" $ARGS </dev/null | cat)
if [ "$piped" = "$("$BIN" run $ARGS)" ] && ! grep -q $'\e' <<<"$piped"; then
    ok "with no input left, plain mode prints exactly the lines of mikey-ibake run"
else
    bad "plain output differs from mikey-ibake run"; diff <("$BIN" run $ARGS) <(echo "$piped") | head -20 | sed 's/^/     | /'
fi

echo "== tutorial why at 120x40: played to its end with Enter"
start tutorial 120 40 "$BIN" tutorial why
expect tutorial '┌─ Why MIKEY-IBAKE ─' "the tutorial's text beside the panes"
expect tutorial '│ What MIKEY has to deliver' "the first section's title"
expect tutorial '✓ The KMS holds s and sP\.' "its claims, checked on the ledger, as sentences"
expect tutorial 'section 1/7[ ,]' "the progress in the panel's edge"
expect tutorial 'why 1/7 · basic · step 1/19 · provisioning · seed 1 · toy' "status line: tutorial, section, scenario, step"
expect tutorial '┌─ \* KMS ' "the focus value's pane has focus"
sections=1
advance() {
    tmx send-keys -t tutorial Enter
    sections=$((sections + 1))
    expect tutorial "section $sections/7[ ,]" "Enter goes to section $sections" >/dev/null
}
advance
expect tutorial '│ What the other modes lack' "section 2: the other modes, in brief"
expect tutorial 'Step 8/19 · I compute · I picks a, computes aP' "the demo followed: I picks a (step 8)"
advance
expect tutorial 'a: show the answer' "section 3 asks a question"
tmx send-keys -t tutorial a
expect tutorial 'Answer: No. R picks b' "a reveals the answer"
tmx send-keys -t tutorial BSpace
expect tutorial 'section 2/7[ ,]' "Backspace goes back a section"
tmx send-keys -t tutorial Enter
expect tutorial 'Answer: No. R picks b' "forward again: the answer stays revealed"
advance
advance
expect tutorial 'curious-kms · step' "section 5 shows the curious-KMS run"
tmx send-keys -t tutorial z
expect tutorial '┌─ Presenter · curious-kms · step' "z: presenter mode, the text still beside it"
tmx send-keys -t tutorial z
expect_gone tutorial '┌─ Presenter' "z again: the panes"
while [ "$sections" -lt 7 ]; do advance; done
expect tutorial '│ The price: a trusted KMS' "the end: the last section"
expect tutorial 'The end\.  Backspace back  q quit' "the panel says it is the end"
expect tutorial 'why 7/7 · basic · step 19/19' "the demo at the basic run's last step"
tmx send-keys -t tutorial Enter
expect tutorial 'that was the last section' "Enter past the end: a notice, no change"
tmx send-keys -t tutorial q
restored tutorial 0 "quit the tutorial with q"
echo "== tutorial bytes at 80x24: the text below the demo, t for the demo"
start bytes 80 24 "$BIN" tutorial bytes
expect bytes 'section 1/15 ─' "the text below the panes"
expect bytes 'Enter next  Backspace back  t demo' "the panel names t"
for _ in 1 2 3 4 5 6 7 8 9 10; do tmx send-keys -t bytes Enter; done
expect bytes 'section 11/15 ─' "section 11: inside the IBAKE payload"
tmx send-keys -t bytes t
expect bytes '┌─ \* Inspector as R · I_MESSAGE_1' "t: the inspector, the layer opened as R, has the keyboard"
expect bytes '0e f0 04 66 cc e1' "the ECCPT's octets in view"
expect bytes 't text' "the status line says t brings the text back"
tmx send-keys -t bytes BTab
expect bytes '┌─ \* Wire' "Shift-Tab reaches the wire, in front now"
tmx send-keys -t bytes Enter
expect bytes 'section 12/15 ─' "Enter: the next section, its text shown again"
tmx send-keys -t bytes q
restored bytes 0 "quit with q"
tutorial_plain=$("$BIN" tutorial why </dev/null | cat)
if grep -q '^1/7\. What MIKEY has to deliver' <<<"$tutorial_plain" && ! grep -q $'\e' <<<"$tutorial_plain"; then
    ok "tutorial why | cat: the plain text, no escapes"
else
    bad "tutorial why | cat did not print the plain text"
fi

echo "== net: a phone's screen at 80x24 and a caller's at 120x40, the KMS as a process"
"$BIN" net init "$WORK/realm" --user sip:alice@ims.example --user sip:bob@ims.example --params toy --seed 2 >/dev/null
"$BIN" net kms "$WORK/realm" --listen 127.0.0.1:0 --json >"$WORK/kms.log" 2>&1 &
KMS_PID=$!
trap 'kill $KMS_PID 2>/dev/null || true; cleanup' EXIT
for _ in $(seq 50); do grep -q '"listening"' "$WORK/kms.log" && break; sleep 0.1; done
KMS=$(sed -n 's/.*"address":"\([^"]*\)".*/\1/p' "$WORK/kms.log" | head -1)
PHONE=127.0.0.1:$((20000 + $$ % 20000))
start phone 80 24 "$BIN" net phone "$WORK/realm" --identity sip:bob@ims.example --kms "$KMS" --listen "$PHONE" --seed 2
expect phone 'net phone bob · [0-9]+/[0-9]+' "the phone's screen: its status line names it"
expect phone 'R listens on 127\.0\.0\.1' "its step: listening, after its key came"
start call 120 40 "$BIN" net call "$WORK/realm" --identity sip:alice@ims.example --kms "$KMS" --to sip:bob@ims.example --at "$PHONE" --seed 2
expect call 'keys agreed with sip:bob@ims\.example' "the caller's screen ends with the keys agreed"
expect call '┌─ \* Caller · sip:alice@ims\.example' "one pane, the caller's own"
expect call 'I_MESSAGE_1 .*IBE_R\(IDRi, aP, IDRr\)' "its wire: I_MESSAGE_1 as it made it"
digest=$(screen call | grep -oE 'begins [0-9a-f]{16}' | head -1)
expect phone "keys agreed with sip:alice@ims\.example" "the phone's screen ends with the keys agreed too"
if [ -n "$digest" ] && screen phone | tr -d '\n' | grep -q "${digest#begins }"; then ok "both screens quote the same K_SESSION digest (${digest#begins })"; else bad "the two screens' digests differ"; fi
tmx send-keys -t call f
expect call "follows this party's real calls" "f: no scenario switch on a party's screen, a notice says why"
tmx send-keys -t call q
restored call 0 "quit the caller's screen with q"
tmx send-keys -t phone q
restored phone 0 "quit the phone's screen with q"
kill $KMS_PID 2>/dev/null || true

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
