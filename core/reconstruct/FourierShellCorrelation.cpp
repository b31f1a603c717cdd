#include "reconstruct/FourierShellCorrelation.h"

#include "fourier/FftwPlan.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace cryo {
namespace {

int cubicEvenSize(const Volume& v, const char* what)
{
    if (v.nx != v.ny || v.nx != v.nz || v.nx <= 0 || v.nx % 2 != 0)
        throw UsageError(std::string(what) + ": the map must be a cube of even size, got " + std::to_string(v.nx) +
                         "×" + std::to_string(v.ny) + "×" + std::to_string(v.nz));
    return v.nx;
}

// The non-redundant half (kx ≥ 0) of a cubic map's transform (FFTW r2c layout, uncentred:
// the FSC only uses products A·B*, which a common origin shift leaves unchanged).
FftwBuffer<Complex> halfSpectrum(const Volume& v)
{
    const int D = v.nx;
    const int dims[3] = {D, D, D};
    const FftwPlan plan = makeRealForwardPlan(3, dims);
    FftwBuffer<float> real(v.voxelCount());
    std::copy(v.data.begin(), v.data.end(), real.data());
    FftwBuffer<Complex> spectrum(std::size_t(D) * D * (D / 2 + 1));
    fftwf_execute_dft_r2c(plan.get(), real.data(), asFftw(spectrum.data()));
    return spectrum;
}

// Calls visit(index into the half spectrum, |k| in voxels, multiplicity): 2 for columns whose
// mirror −k is not stored, 1 for the kx = 0 and kx = D/2 planes (which hold both k and −k).
template <typename Visit>
void forEachHalfSpectrumVoxel(int D, Visit&& visit)
{
    const int hx = D / 2 + 1;
    std::size_t index = 0;
    for (int z = 0; z < D; ++z) {
        const int kz = z < D / 2 ? z : z - D;
        for (int y = 0; y < D; ++y) {
            const int ky = y < D / 2 ? y : y - D;
            for (int x = 0; x < hx; ++x, ++index) {
                const double radius = std::sqrt(double(x * x + ky * ky + kz * kz));
                visit(index, radius, (x == 0 || x == D / 2) ? 1.0 : 2.0);
            }
        }
    }
}

// The map with each Fourier coefficient at |k| voxels multiplied by gain(|k|).
template <typename Gain>
Volume shellFiltered(const Volume& map, Gain&& gain)
{
    const int D = map.nx;
    FftwBuffer<Complex> spectrum = halfSpectrum(map);
    forEachHalfSpectrumVoxel(D, [&](std::size_t i, double radius, double) { spectrum[i] *= float(gain(radius)); });
    const int dims[3] = {D, D, D};
    const FftwPlan inverse = makeRealInversePlan(3, dims);
    FftwBuffer<float> real(map.voxelCount());
    fftwf_execute_dft_c2r(inverse.get(), asFftw(spectrum.data()), real.data());
    Volume out = map;
    const float scale = 1.0f / float(map.voxelCount());
    for (std::size_t i = 0; i < out.data.size(); ++i)
        out.data[i] = real[i] * scale;
    return out;
}

} // namespace

FscCurve fourierShellCorrelation(const Volume& a, const Volume& b)
{
    const int D = cubicEvenSize(a, "FSC");
    if (cubicEvenSize(b, "FSC") != D)
        throw UsageError("FSC: the maps differ in size (" + std::to_string(D) + "³ and " + std::to_string(b.nx) + "³)");
    const FftwBuffer<Complex> fa = halfSpectrum(a), fb = halfSpectrum(b);
    const std::size_t shells = std::size_t(D / 2 + 1);
    std::vector<double> cross(shells, 0.0), powerA(shells, 0.0), powerB(shells, 0.0);
    forEachHalfSpectrumVoxel(D, [&](std::size_t i, double radius, double multiplicity) {
        const auto shell = std::size_t(std::lround(radius));
        if (shell >= shells)
            return;
        const Complex x = fa[i], y = fb[i];
        cross[shell] += multiplicity * (double(x.real()) * y.real() + double(x.imag()) * y.imag());
        powerA[shell] += multiplicity * std::norm(std::complex<double>(x));
        powerB[shell] += multiplicity * std::norm(std::complex<double>(y));
    });
    FscCurve curve;
    curve.boxSize = D;
    curve.voxelSize = a.voxelSize;
    curve.values.resize(shells);
    for (std::size_t s = 0; s < shells; ++s) {
        const double norm = std::sqrt(powerA[s] * powerB[s]);
        curve.values[s] = norm > 0 ? cross[s] / norm : 0.0;
    }
    return curve;
}

FscResolution resolutionAt(const FscCurve& curve, double threshold)
{
    FscResolution r;
    const auto& v = curve.values;
    for (std::size_t s = 1; s < v.size(); ++s) {
        if (v[s] >= threshold)
            continue;
        // Linear between shell s − 1 (at or above the threshold) and s (below it).
        const double t = (v[s - 1] - threshold) / std::max(1e-12, v[s - 1] - v[s]);
        r.frequency = curve.frequency(s - 1) + t * (curve.frequency(s) - curve.frequency(s - 1));
        r.reached = true;
        return r;
    }
    r.frequency = v.empty() ? 0.0 : curve.frequency(v.size() - 1);
    return r;
}

double fscAreaUnderCurve(const FscCurve& curve)
{
    const std::size_t last = curve.boxSize / 2;   // shells 0 … D/2 − 1
    double area = 0;
    const double step = 1.0 / curve.boxSize;     // cycles/pixel between shells
    for (std::size_t s = 1; s < last && s < curve.values.size(); ++s)
        area += 0.5 * (curve.values[s - 1] + curve.values[s]) * step;
    return area;
}

Volume lowPassFiltered(const Volume& map, double resolution, double edgeShells)
{
    const int D = cubicEvenSize(map, "low-pass filter");
    const double cutoff = resolution > 0 ? double(D) * map.voxelSize / resolution : 0.0;   // in shells
    if (!(cutoff < D / 2.0))
        return map;
    const double width = std::max(1e-6, edgeShells);
    return shellFiltered(map, [&](double radius) {
        if (radius >= cutoff + width)
            return 0.0;
        if (radius > cutoff)
            return 0.5 * (1.0 + std::cos(std::numbers::pi * (radius - cutoff) / width));
        return 1.0;
    });
}

Volume wienerFiltered(const Volume& map, const FscCurve& halfMapFsc)
{
    const int D = cubicEvenSize(map, "Wiener filter");
    if (halfMapFsc.boxSize != D || halfMapFsc.values.empty())
        throw UsageError("Wiener filter: the FSC is of another box size than the map");
    return shellFiltered(map, [&](double radius) {
        const auto shell = std::min(halfMapFsc.values.size() - 1, std::size_t(std::lround(radius)));
        const double f = std::clamp(halfMapFsc.values[shell], 0.0, 1.0);
        return 2.0 * f / (1.0 + f);
    });
}

} // namespace cryo
