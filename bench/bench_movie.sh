#!/usr/bin/env bash
# Movie benchmark (issue #6 target: a 60-frame D=64 trajectory movie renders and encodes in
# ≤ 30 s on 2 cores). Makes (or reuses) a trained D=64 hinge run, renders a PC-1 movie and
# a 360° turn, prints the command's timings and the file sizes, checks the MP4 with ffprobe
# and extracts three frames as PNG (look at them: the motion must be visible).
#   bench/bench_movie.sh [WORKDIR]        (default /tmp/cryoscape-movie-bench)
# Needs build/bin/cryoscape, xvfb-run (or a display) and, for the checks, ffmpeg/ffprobe
# (apt-get install ffmpeg). Training the run takes ~3-4 minutes the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/build/bin/cryoscape
work=${1:-/tmp/cryoscape-movie-bench}
mkdir -p "$work"
run=() ; [[ -z "${DISPLAY:-}" ]] && run=(xvfb-run -a -s "-screen 0 1280x1024x24")

if [[ ! -f "$work/run/run.h5" ]]; then
    "$bin" simulate --out "$work/data" --particles 2000 --box 64 --motion hinge --seed 1
    "$bin" train "$work/data/particles.star" --out "$work/run" --zdim 8 --epochs 8 --threads 2
fi

echo "== PC 1, 60 frames, 800x600, MP4"
/usr/bin/time -f "wall %e s, max RSS %M kB" "${run[@]}" "$bin" movie "$work/run" --pc 1 --frames 60 \
    --out "$work/pc1.mp4" --threads 2
echo "== the same, decoding every 3rd map (blending the others)"
"${run[@]}" "$bin" movie "$work/run" --pc 1 --frames 60 --keyframe-step 3 --out "$work/pc1_k3.mp4" --threads 2
echo "== the same, half-size maps"
"${run[@]}" "$bin" movie "$work/run" --pc 1 --frames 60 --preview --out "$work/pc1_preview.mp4" --threads 2
echo "== PC 1, 60 frames, 800x600, constant volume, GIF"
"${run[@]}" "$bin" movie "$work/run" --pc 1 --frames 60 --level constant-volume --out "$work/pc1.gif" --threads 2
echo "== 360° turn of the mean map, 60 frames, black background, MP4"
"${run[@]}" "$bin" movie "$work/run" --turn --frames 60 --background black --out "$work/turn.mp4" --threads 2
ls -l "$work"/*.mp4 "$work"/*.gif

if command -v ffprobe >/dev/null; then
    ffprobe -v error -select_streams v:0 -count_frames \
        -show_entries stream=codec_name,pix_fmt,width,height,r_frame_rate,nb_read_frames -of default=nw=1 "$work/pc1.mp4"
    for t in 0 1.2 2.45; do
        ffmpeg -v error -y -ss "$t" -i "$work/pc1.mp4" -frames:v 1 "$work/pc1_at_${t}s.png"
    done
    echo "frames: $work/pc1_at_*.png"
else
    echo "ffprobe not found (apt-get install ffmpeg) - skipped the checks"
fi
