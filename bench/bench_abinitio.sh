#!/usr/bin/env bash
# Ab initio against the data's own floor (issue #25): for each simulated dataset, our
# `train --homogeneous --ab-initio` and a search of the same particles against the true map
# (bench/search_with_run --map: the same grids, refined to ~0.9° and the posterior mean, so the
# floor is the data's, not the grid's), and the median rotation error of both after the best
# global rotation and hand (pose/PoseAccuracy.h), the quantiles, the fraction within 5° and
# ours / floor (target ≤ 1.3). Optionally cryoDRGN's abinit_homo on the same particles
# (../shared/tools/cryodrgn-reference.sh; slow on the CPU).
#
#   bash bench/bench_abinitio.sh [--datasets LIST] [--epochs N] [--threads T] [--out DIR]
#        [--floor-particles N] [--seed S] [--cryodrgn EPOCHS] [-- EXTRA TRAIN ARGS]
# LIST: comma-separated ATOM:PARTICLES:BOX:SNR[:APIX] (atom width = the simulator's
# --atom-sigma in Å, Å/px default 3.2), or one of the names
#   blurry  6:1500:64:0.1,8:1500:64:0.1            (the issue's data)
#   sharp   2.5:1500:64:0.1                         (the simulator's default atoms)
#   quick   6:600:64:0.1,2.5:600:64:0.1             (minutes: use with --epochs 4)
#   all     every atom width 2.5/4/6/8 at 1500:64:0.1, 6 Å at SNR 0.05 and 0.3, at 5000
#           particles and at box 128 (1.6 Å/px: the same molecule): hours
# Data are simulated once into OUT/data/<name> (--motion none, seed S) and reused.
set -euo pipefail
datasets=quick epochs=4 threads=2 out=bench-abinitio floorParticles=0 seed=1 drgnEpochs=0 extra=()
while (($#)); do
    case $1 in
        --datasets) datasets=$2; shift 2 ;;
        --epochs) epochs=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --floor-particles) floorParticles=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --cryodrgn) drgnEpochs=$2; shift 2 ;;
        --) shift; extra=("$@"); break ;;
        *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
    esac
done
case $datasets in
    blurry) datasets=6:1500:64:0.1,8:1500:64:0.1 ;;
    sharp) datasets=2.5:1500:64:0.1 ;;
    quick) datasets=6:600:64:0.1,2.5:600:64:0.1 ;;
    all) datasets=2.5:1500:64:0.1,4:1500:64:0.1,6:1500:64:0.1,8:1500:64:0.1,6:1500:64:0.05,6:1500:64:0.3,6:5000:64:0.1,6:1500:128:0.1:1.6 ;;
esac
bin=${BIN:-build/bin}
ref=../shared/tools/cryodrgn-reference.sh
mkdir -p "$out"
out=$(cd "$out" && pwd)

echo "# bench_abinitio: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $threads threads," \
     "OMP_NUM_THREADS=$threads, load $(cut -d' ' -f1-3 /proc/loadavg); $epochs epochs, seed $seed${extra[*]:+, train ${extra[*]}}"

# "median M deg (quantiles 10/25/75/90%: a b c d), P% within 5 deg" → "M|a/b/c/d|P"
parseErrors() { sed -n 's/.*rotation error median \([0-9.]*\) deg (quantiles 10\/25\/75\/90%: \([0-9.]*\) \([0-9.]*\) \([0-9.]*\) \([0-9.]*\)), \([0-9.]*\)% within 5 deg.*/\1|\2\/\3\/\4\/\5|\6/p' | head -1; }

rows=()
IFS=, read -ra specs <<<"$datasets"
for spec in "${specs[@]}"; do
    IFS=: read -r atom particles box snr apix <<<"$spec"
    apix=${apix:-3.2}
    name=a${atom}_n${particles}_d${box}_s${snr}_p${apix}
    data=$out/data/$name
    if [[ ! -f $data/particles.star ]]; then
        "$bin/cryoscape" simulate --out "$data" --particles "$particles" --box "$box" --apix "$apix" --snr "$snr" \
            --motion none --atom-sigma "$atom" --seed "$seed" --threads "$threads" >"$out/$name.simulate.log" 2>&1
    fi
    run=$out/$name.ours
    rm -rf "$run"
    t0=$(date +%s)
    OMP_NUM_THREADS=$threads "$bin/cryoscape" train "$data/particles.star" --homogeneous --ab-initio \
        --epochs "$epochs" --seed "$seed" --threads "$threads" --out "$run" "${extra[@]}" 2>&1 |
        tr '\r' '\n' | grep -v '^ *\(Training\|Pose search\|Encoding\|Reading\|Preprocessing\) ' >"$run.log"
    minutes=$(( ($(date +%s) - t0 + 30) / 60 ))
    ours=$("$bin/evaluate_poses" "$run" "$data/truth.h5" | parseErrors)
    # the median after each epoch, as training printed it
    perEpoch=$(sed -n 's/.*median rotation error \([0-9.]*\)°.*/\1/p' "$run.log" | paste -sd' ')
    n=$particles
    ((floorParticles > 0 && floorParticles < particles)) && n=$floorParticles
    floor=$(OMP_NUM_THREADS=$threads "$bin/search_with_run" --map "$data/truth_map_00.mrc" "$data/particles.star" \
            "$data/truth.h5" "0:$n" 2>/dev/null | parseErrors)
    drgn=-
    if ((drgnEpochs > 0)); then
        [[ -f $data/ctf.pkl ]] || bash "$ref" parse_ctf_star "$data/particles.star" -D "$box" -o "$data/ctf.pkl" >/dev/null 2>&1
        rm -rf "$out/$name.cryodrgn"
        # a pose search every 5 epochs from the first, as its default; the frequency ramp ends with the run
        THREADS=$threads bash "$ref" abinit_homo_old "$data/particles.star" --datadir "$data" --ctf "$data/ctf.pkl" \
            -o "$out/$name.cryodrgn" --seed "$seed" -n "$drgnEpochs" --l-ramp-epochs "$drgnEpochs" --no-amp \
            >"$out/$name.cryodrgn.log" 2>&1
        last=$(ls "$out/$name.cryodrgn"/pose.*.pkl | sort -t. -k2 -n | tail -1)
        drgn=$("$bin/evaluate_poses" "$last" "$data/truth.h5" "$box" | parseErrors | cut -d'|' -f1)
    fi
    IFS='|' read -r om oq ow <<<"$ours"
    IFS='|' read -r fm fq fw <<<"$floor"
    ratio=$(echo "scale=2; $om / $fm" | bc -l)
    rows+=("$(printf '%-4s %5s %4s %5s %4s | %6s° %-19s %5s%% | %6s° %-17s %5s%% (%s) | %5s | %6s | %3s min | %s' \
        "$atom" "$particles" "$box" "$snr" "$apix" "$om" "$oq" "$ow" "$fm" "$fq" "$fw" "$n" "$ratio" "$drgn" "$minutes" "$perEpoch")")
    echo "${rows[-1]}"
done

echo
echo "atom Å  N   D   SNR  Å/px | ours: median, 10/25/75/90 %, within 5° | floor (true map): median, 10/25/75/90 %, within 5° (particles) | ours/floor | cryoDRGN | time | ours per epoch"
printf '%s\n' "${rows[@]}"
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
