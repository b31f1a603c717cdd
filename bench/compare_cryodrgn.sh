#!/usr/bin/env bash
# Trains cryoDRGN (the reference, ../shared/tools/cryodrgn-reference.sh) and Cryoscape side by
# side on the same simulated particles, with the same architecture, batch, epochs, seed and
# threads, and prints per epoch: |Spearman ρ| between PC1 of z and the true motion coordinate
# (two-hinges: one per hinge, a/b), the per-image FSC-AUC of the decoded maps against the true
# maps (bench/evaluate_maps, the same scoring for both), and images/s (wall time of training,
# its per-epoch encoder pass included).
#
#   bench/compare_cryodrgn.sh OUT [--particles N] [--box D] [--snr S] [--motion KIND]
#       [--atom-sigma Å] [--epochs E] [--arch WxL] [--batch B] [--zdim Z] [--samples N]
#       [--auc-every K] [--threads T] [--seed K] [--only ours|cryodrgn] [-- EXTRA TRAIN OPTIONS]
#
# Defaults are issue #23's case: 3,000 particles, 64 px, SNR 0.1, 1D hinge, 256x3, batch 8,
# zdim 8, 10 epochs, 2 threads. The data goes to OUT/data (reused when it exists), the runs to
# OUT/ours and OUT/cryodrgn. Ours runs one epoch per call with --resume (which continues
# exactly, docs/training.md) so that z of every epoch can be scored; its time includes the
# restarts, so it is, if anything, counted slower. Extra options after -- go to our train.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:?usage: bench/compare_cryodrgn.sh OUT [options]}
shift
particles=3000 box=64 snr=0.1 motion=hinge atom="" epochs=10 arch=256x3 batch=8 zdim=8
samples=100 aucEvery=5 threads=2 seed=1 only="" extra=()
while (($#)); do
    case "$1" in
        --particles) particles=$2; shift 2 ;;
        --box) box=$2; shift 2 ;;
        --snr) snr=$2; shift 2 ;;
        --motion) motion=$2; shift 2 ;;
        --atom-sigma) atom=$2; shift 2 ;;
        --epochs) epochs=$2; shift 2 ;;
        --arch) arch=$2; shift 2 ;;
        --batch) batch=$2; shift 2 ;;
        --zdim) zdim=$2; shift 2 ;;
        --samples) samples=$2; shift 2 ;;
        --auc-every) aucEvery=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --only) only=$2; shift 2 ;;
        --) shift; extra=("$@"); break ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
bin=${BIN:-build/bin}
ref=../shared/tools/cryodrgn-reference.sh
width=${arch%x*} layers=${arch#*x}
mkdir -p "$out"
out=$(cd "$out" && pwd)
data=$out/data

echo "# compare_cryodrgn: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $threads threads," \
     "OMP_NUM_THREADS=$threads, OpenBLAS $(readlink -f /etc/alternatives/libblas.so.3-x86_64-linux-gnu 2>/dev/null || echo '?')," \
     "load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# data: $particles particles, ${box} px, SNR $snr, motion $motion${atom:+, atoms $atom Å}; model ${arch} enc+dec, zdim $zdim, batch $batch, $epochs epochs, seed $seed"

if [[ ! -f $data/particles.star ]]; then
    "$bin/cryoscape" simulate --out "$data" --particles "$particles" --box "$box" --snr "$snr" \
        --motion "$motion" --seed "$seed" --threads "$threads" ${atom:+--atom-sigma "$atom"} >"$out/simulate.log" 2>&1
fi

score() {   # score RUN_DIR EPOCH LABEL SECONDS: our run holds its newest epoch, cryoDRGN's all
    local rho auc="" epoch=()
    [[ $3 == cryodrgn ]] && epoch=(--epoch "$2")
    # one |ρ| per true coordinate (two-hinges has two), joined by "/"; discrete states have no
    # coordinate (evaluate_latent refuses): "-", the FSC-AUC is the measure there
    rho=$("$bin/evaluate_latent" "$1" "$data/truth.h5" "${epoch[@]}" 2>/dev/null | sed -n 's/.*coordinate [0-9]*: //p' | paste -sd/ || true)
    if (( $2 % aucEvery == 0 || $2 == epochs )); then
        auc=$("$bin/evaluate_maps" --truth "$data" --run "$1" "${epoch[@]}" --samples "$samples" |
              sed -n 's/.*FSC-AUC \([0-9.]*\) ± \([0-9.]*\).*/\1 ± \2/p')
    fi
    printf '%-9s epoch %2d  |rho| %s  FSC-AUC %-17s  %6.1f images/s\n' "$3" "$2" "${rho:--}" "${auc:--}" \
        "$(echo "$particles * $2 / $4" | bc -l)"
}

if [[ $only != cryodrgn ]]; then
    rm -rf "$out/ours"
    : >"$out/ours.log"
    seconds=0
    for ((e = 1; e <= epochs; ++e)); do
        resume=()
        ((e > 1)) && resume=(--resume)
        t0=$(date +%s.%N)
        OMP_NUM_THREADS=$threads "$bin/cryoscape" train "$data/particles.star" --out "$out/ours" --zdim "$zdim" \
            --enc "$arch" --dec "$arch" --batch "$batch" --epochs "$e" --seed "$seed" --threads "$threads" \
            "${resume[@]}" "${extra[@]}" 2>&1 | tr "\r" "\n" | grep -v "^ *\(Training\|Encoding\|Reading\|Preprocessing\) " >>"$out/ours.log"
        seconds=$(echo "$seconds + $(date +%s.%N) - $t0" | bc -l)
        score "$out/ours" "$e" cryoscape "$seconds"
    done
fi

if [[ $only != ours ]]; then
    [[ -f $data/pose.pkl ]] || bash "$ref" parse_pose_star "$data/particles.star" -D "$box" -o "$data/pose.pkl" >/dev/null
    [[ -f $data/ctf.pkl ]] || bash "$ref" parse_ctf_star "$data/particles.star" -D "$box" -o "$data/ctf.pkl" >/dev/null
    rm -rf "$out/cryodrgn"
    t0=$(date +%s.%N)
    THREADS=$threads bash "$ref" train_vae "$data/particles.star" --datadir "$data" --poses "$data/pose.pkl" \
        --ctf "$data/ctf.pkl" --zdim "$zdim" --enc-dim "$width" --enc-layers "$layers" --dec-dim "$width" \
        --dec-layers "$layers" -b "$batch" -n "$epochs" --seed "$seed" --no-amp --no-analysis \
        -o "$out/cryodrgn" >"$out/cryodrgn.log" 2>&1
    total=$(echo "$(date +%s.%N) - $t0" | bc -l)
    # cryoDRGN trains in one process: its epochs' own times (the log's "Finished in") give the
    # per-epoch figure, the start-up is spread over all.
    for ((e = 1; e <= epochs; ++e)); do
        score "$out/cryodrgn" "$e" cryodrgn "$(echo "$total * $e / $epochs" | bc -l)"
    done
fi
