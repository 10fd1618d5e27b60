#!/bin/bash
# Screenshot of a replay in the window, as a user sees it: run under Xvfb,
#   xvfb-run -a -s "-screen 0 1600x1000x24" assets/tutorial/window-replay.sh OUT.png TRACE SECONDS
# It opens the window, File > Open Trace (Ctrl+Shift+O) with the trace typed into the file
# dialog, hides the settings (Ctrl+E), presses Play and grabs the screen SECONDS later.
# Needs xdotool and ImageMagick's import.
out=$1; trace=$(realpath "$2"); playfor=$3
java -jar "$(dirname "$0")/../../target/poolscope.jar" --size 1500x950 > /dev/null 2>&1 &
pid=$!
sleep 8
xdotool search --sync --name "PoolScope" windowfocus --sync
xdotool key ctrl+shift+o
sleep 3
xdotool windowfocus --sync "$(xdotool search --name "Open a trace" | head -1)"
xdotool type "/"            # opens the dialog's location field
sleep 1
xdotool type --delay 30 "${trace:1}"
xdotool key Return
sleep 4
xdotool windowfocus --sync "$(xdotool search --name "PoolScope" | head -1)"
xdotool key ctrl+e
sleep 1
xdotool mousemove 221 124 click 1   # the replay bar's Play button at this window size
sleep "$playfor"
import -window root "$out"
convert "$out" -trim +repage "$out"   # the screen around the window is black
kill $pid
wait $pid 2>/dev/null
