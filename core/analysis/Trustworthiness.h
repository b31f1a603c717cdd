#pragma once
// Trustworthiness (Venna & Kaski 2001; scikit-learn's definition) of an embedding:
//   T(k) = 1 − 2/(n k (2n − 3k − 1)) Σ_i Σ_{j ∈ U_k(i)} (r(i, j) − k)
// where U_k(i) are the embedding's k nearest neighbours of i that are not among its k
// nearest in the original space, and r(i, j) is j's rank (1 = nearest) among i's
// neighbours in the original space. 1 = every embedded neighbourhood is a true one.
// O(n²) time per point set: large sets are measured on a random subsample (neighbourhoods
// taken within the subsample).
#include <cstddef>
#include <cstdint>

namespace cryo {

struct TrustworthinessOptions {
    int neighbors = 15;            // k
    std::size_t maxPoints = 5000;  // subsample above this (0: never)
    std::uint64_t seed = 0;        // of the subsample
    int threads = 2;
};

// `original` is count × originalDim, `embedded` count × embeddedDim (row-major). Throws
// UsageError unless 1 ≤ k and 3k + 1 < 2n (n: the rows used).
double trustworthiness(const float* original, int originalDim, const float* embedded, int embeddedDim,
                       std::size_t count, const TrustworthinessOptions& options = {});

} // namespace cryo
