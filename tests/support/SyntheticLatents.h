#pragma once
// "Latents" with a known structure, built from the simulator's ground truth without training
// (for the UMAP tests and bench): z = A·c + noise, with c the particle's normalised truth
// coordinates (hinge angles mapped to [0, 1]) and A a random zdim × k matrix of unit columns
// scaled by `spread`; or, for discrete states, z = centre[state] + noise with random
// centres `spread` apart on average.
#include "sim/PseudoAtomComplex.h"
#include "sim/Simulator.h"

#include <cstdint>
#include <random>
#include <vector>

namespace testlatents {

struct Latents {
    std::size_t count = 0;
    int zdim = 0;
    std::vector<float> z;              // count × zdim
    std::vector<std::int32_t> state;   // discrete state per particle (0 when continuous)
    std::vector<float> coordinate;     // first truth coordinate in [0, 1] (0 when discrete)
};

inline Latents fromTruth(cryo::MotionKind motion, int particles, int zdim, double spread, double noise,
                         std::uint64_t seed)
{
    cryo::SimulationOptions options;
    options.particles = particles;
    options.motion = motion;
    options.seed = seed;
    const cryo::PseudoAtomComplex complex(motion, seed, options.hingeMin, options.hingeMax);
    const cryo::ParticleTruth truth = cryo::drawParticleTruth(options, complex);
    const int k = std::max(1, complex.coordinateCount());
    std::mt19937_64 rng(seed ^ 0x5eedull);
    std::normal_distribution<double> normal;
    std::vector<double> a(std::size_t(zdim) * (motion == cryo::MotionKind::Discrete ? 3 : k));
    for (double& v : a)
        v = normal(rng);
    const int columns = int(a.size() / zdim);
    for (int c = 0; c < columns; ++c) {   // unit columns × spread
        double norm = 0;
        for (int r = 0; r < zdim; ++r)
            norm += a[r * columns + c] * a[r * columns + c];
        for (int r = 0; r < zdim; ++r)
            a[r * columns + c] *= spread / std::sqrt(norm);
    }
    Latents out;
    out.count = std::size_t(particles);
    out.zdim = zdim;
    for (const cryo::Conformation& conf : truth.conformations) {
        std::vector<double> c(columns, 0.0);
        if (motion == cryo::MotionKind::Discrete)
            c[conf.state] = 1.0;
        else
            for (int j = 0; j < k; ++j)
                c[j] = (conf.angles[j] - options.hingeMin) / (options.hingeMax - options.hingeMin);
        out.state.push_back(conf.state);
        out.coordinate.push_back(motion == cryo::MotionKind::Discrete ? 0.f : float(c[0]));
        for (int r = 0; r < zdim; ++r) {
            double v = noise * normal(rng);
            for (int j = 0; j < columns; ++j)
                v += a[r * columns + j] * c[j];
            out.z.push_back(float(v));
        }
    }
    return out;
}

// `clusters` Gaussian blobs (σ = noise) around random centres with coordinates N(0, spread²).
inline Latents blobs(int particles, int clusters, int zdim, double spread, double noise, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    std::vector<double> centres(std::size_t(clusters) * zdim);
    for (double& c : centres)
        c = spread * normal(rng);
    Latents out;
    out.count = std::size_t(particles);
    out.zdim = zdim;
    for (int i = 0; i < particles; ++i) {
        const int s = i % clusters;
        out.state.push_back(s);
        out.coordinate.push_back(0.f);
        for (int r = 0; r < zdim; ++r)
            out.z.push_back(float(centres[std::size_t(s) * zdim + r] + noise * normal(rng)));
    }
    return out;
}

} // namespace testlatents
