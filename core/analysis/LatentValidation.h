#pragma once
// Validation of a trained latent space against a known reaction coordinate (synthetic
// data): |Spearman ρ| between the first principal component of z and the truth.
#include <span>
#include <vector>

namespace cryo {

// z: N × zdim row-major. Returns the projections of z on its first principal component.
std::vector<double> firstPrincipalComponent(std::span<const float> z, int zdim);
// |Spearman ρ| of the first principal component of z against truth (N values).
double latentTruthSpearman(std::span<const float> z, int zdim, std::span<const double> truth);

} // namespace cryo
