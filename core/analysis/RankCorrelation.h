#pragma once
// Correlation coefficients for validating latents against a known reaction coordinate
// (thesis §4.2.3: Spearman ρ between a latent coordinate and the true motion).
#include <span>

namespace cryo {

double pearsonCorrelation(std::span<const double> a, std::span<const double> b);
// The same for float data (maps, images), accumulated in double.
double pearsonCorrelation(std::span<const float> a, std::span<const float> b);
// Pearson correlation of the ranks (ties get their average rank).
double spearmanCorrelation(std::span<const double> a, std::span<const double> b);

} // namespace cryo
