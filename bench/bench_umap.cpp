// UMAP of 100,000 × 8 synthetic latents (the two-hinges simulator truth linearly embedded in
// 8-D, plus noise): kNN, layout and total time, trustworthiness (k = 15) on a 5,000-point
// subsample; then PCA and k-means (k = 20) of 1,000,000 × 8 (20 Gaussian blobs).
// Target (issue #5): UMAP of 100,000 × 8 in ≤ 90 s on 2 cores.
// Usage: bench_umap [N] [layout threads]   (defaults 100000, 1)
#include "analysis/KMeans.h"
#include "analysis/LatentPca.h"
#include "analysis/NearestNeighbors.h"
#include "analysis/Trustworthiness.h"
#include "analysis/Umap.h"
#include "support/SyntheticLatents.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <thread>

namespace {

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Process CPU seconds (all threads): on a shared machine wall time includes waiting for a core.
double cpuSeconds() { return double(std::clock()) / CLOCKS_PER_SEC; }

void benchUmap(int n, int threads)
{
    const testlatents::Latents data = testlatents::fromTruth(cryo::MotionKind::TwoHinges, n, 8, 3.0, 0.05, 1);
    std::printf("UMAP of %d x 8 (two-hinges truth + noise), n_neighbors 15, min_dist 0.1, layout threads %d\n", n,
                threads);
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = cpuSeconds();
    cryo::UmapOptions options;
    options.seed = 1;
    options.threads = threads;
    const cryo::UmapResult r = cryo::Umap(options).fit(data.z.data(), data.count, 8);
    const double total = secondsSince(start);
    const double cpu = cpuSeconds() - cpuStart;
    std::printf("  kNN (exact kd-tree, 2 threads)  %7.2f s\n", r.neighborSeconds);
    std::printf("  layout (graph, init, %d epochs, %zu edges)  %7.2f s\n", r.epochs, r.edges, r.layoutSeconds);
    std::printf("  total                           %7.2f s   (target <= 90 s); CPU time %.2f s\n", total, cpu);
    cryo::TrustworthinessOptions t;
    t.maxPoints = 5000;
    const auto trustStart = std::chrono::steady_clock::now();
    const double trust = cryo::trustworthiness(data.z.data(), 8, r.embedding.data(), 2, data.count, t);
    std::printf("  trustworthiness(15), 5000-point subsample: %.4f  (%.1f s; target >= 0.9)\n", trust,
                secondsSince(trustStart));
}

void benchPcaKMeans(int n)
{
    const testlatents::Latents data = testlatents::blobs(n, 20, 8, 3.0, 1.0, 2);
    std::printf("PCA and k-means of %d x 8 (20 Gaussian blobs)\n", n);
    auto start = std::chrono::steady_clock::now();
    const cryo::LatentPca pca = cryo::LatentPca::fit(data.z.data(), data.count, 8);
    const std::vector<float> projected = pca.project(data.z.data(), data.count);
    std::printf("  PCA fit + project               %7.2f s\n", secondsSince(start));
    for (int restarts : {1, 3}) {
        start = std::chrono::steady_clock::now();
        const double cpuStart = cpuSeconds();
        cryo::KMeansOptions options;
        options.clusters = 20;
        options.seed = 1;
        options.restarts = restarts;
        const cryo::KMeansResult km = cryo::KMeans(options).fit(data.z.data(), data.count, 8);
        std::printf("  k-means k=20, %d restart(s), 2 threads  %7.2f s, CPU %.2f s  (%d iterations, inertia %.4g)\n",
                    restarts, secondsSince(start), cpuSeconds() - cpuStart, km.iterations, km.inertia);
    }
}

} // namespace

int main(int argc, char** argv)
{
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int threads = argc > 2 ? std::atoi(argv[2]) : 1;
    std::printf("hardware threads: %u (wall times include waiting for a core on a shared machine)\n",
                std::thread::hardware_concurrency());
    benchUmap(n, threads);
    benchPcaKMeans(1000000);
    return 0;
}
