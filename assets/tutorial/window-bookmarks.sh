#!/bin/bash
# Bookmarks made in the window and exported as numbered pictures, as a user does it: run under Xvfb,
#   xvfb-run -a -s "-screen 0 1600x1000x24" assets/tutorial/window-bookmarks.sh TRACE OUTDIR
# Opens the trace (File > Open Trace), marks the start, a moment 40 % in and the end with
# captions (Bookmark), then Export marked into OUTDIR. Needs xdotool. Positions are for this size.
trace=$(realpath "$1"); mkdir -p "$2"; outdir=$(realpath "$2")
java -jar "$(dirname "$0")/../../target/poolscope.jar" --size 1500x950 > /dev/null 2>&1 &
pid=$!
sleep 8
focus() { xdotool windowfocus --sync "$(xdotool search --sync --name "$1" | head -1)"; }
typepath() { xdotool type "/"; sleep 1; xdotool type --delay 30 "${1:1}"; }
focus "PoolScope"
xdotool key ctrl+shift+o
sleep 3
focus "Open a trace"
typepath "$trace"
xdotool key Return
sleep 4
focus "PoolScope"
xdotool key ctrl+e
sleep 1
mark() {   # $1: where on the slider (screen x), or "end"; $2: the caption
    if [ "$1" = end ]; then
        for i in $(seq 30); do xdotool mousemove 293 124 click 1; sleep 0.2; done   # Step to the last event
    else
        xdotool mousemove "$1" 124 click 1
    fi
    sleep 3
    xdotool mousemove 1177 124 click 1    # Bookmark
    sleep 2
    focus "Bookmark"
    xdotool type --delay 30 "$2"
    xdotool key Return
    sleep 1
}
mark 343 "Start: two workers are starting"
mark 606 "B is done; C runs while A goes on"
mark end "All done: A alone, B, C and D on the other"
xdotool mousemove 1374 124 click 1        # Export marked...
sleep 3
focus "A folder"
typepath "$outdir"
xdotool key Return
sleep 4
kill $pid
wait $pid 2>/dev/null
