#pragma once
// Gaussian-kernel ridge regression from latent z (d ≤ ~10) to a few outputs: the landscape
// uses it to place every particle in volume-PC space from the sketch centres, whose volume-PC
// coordinates are known. Chosen over a small MLP because it is closed-form (one n × n
// solve, n ≤ ~1000 centres), deterministic and has no training schedule to tune; far from
// every centre a prediction falls back to the mean output.
//   k(a, b) = exp(−‖a − b‖² / (2σ²)), σ = median pairwise distance of the training inputs
//   (unless given); weights α = (K + λ I)⁻¹ (Y − mean Y).
#include <cstddef>
#include <vector>

namespace cryo {

class KernelRidge {
public:
    // x: n × dim, y: n × outputs. bandwidth ≤ 0: the median rule. Throws UsageError for
    // n < 1 or lambda ≤ 0.
    static KernelRidge fit(const float* x, std::size_t n, int dim, const float* y, int outputs, double lambda = 1e-3,
                           double bandwidth = 0);

    double bandwidth() const { return m_sigma; }
    // Leave-one-out R² over all outputs (1 − Σ LOO residual² / Σ (y − mean)²), a fit check
    // that needs no held-out data (closed form for ridge regression).
    double leaveOneOutR2() const { return m_looR2; }
    // count × dim → count × outputs.
    std::vector<float> predict(const float* x, std::size_t count, int threads = 2) const;

private:
    int m_dim = 0, m_outputs = 0;
    double m_sigma = 1, m_looR2 = 0;
    std::vector<float> m_x;         // n × dim
    std::vector<double> m_alpha;    // n × outputs
    std::vector<double> m_mean;     // outputs
};

} // namespace cryo
