#include "ctf/Ctf.h"

#include "util/Error.h"

#include <cmath>
#include <numbers>

namespace cryo {
namespace {

// The per-particle constants of the γ polynomial, computed once per lattice.
struct CtfTerms {
    double lambda, cs, phase, sqrtOneMinusW2, w;
    double dfSum, dfDiff, astig, inversePixel;
};

CtfTerms ctfTerms(const CtfParams& p, double pixelSize)
{
    if (!(pixelSize > 0))
        throw UsageError("CTF: pixel size must be positive");
    CtfTerms t;
    t.lambda = electronWavelength(p.voltage);
    t.cs = p.sphericalAberration * 1e7;   // mm → Å
    t.phase = p.phaseShift * std::numbers::pi / 180.0;
    t.w = p.amplitudeContrast;
    t.sqrtOneMinusW2 = std::sqrt(1.0 - t.w * t.w);
    t.dfSum = double(p.defocusU) + p.defocusV;
    t.dfDiff = double(p.defocusU) - p.defocusV;
    t.astig = p.defocusAngle * std::numbers::pi / 180.0;
    t.inversePixel = 1.0 / pixelSize;
    return t;
}

inline float evaluate(const CtfTerms& t, double kx, double ky)
{
    const double sx = kx * t.inversePixel, sy = ky * t.inversePixel;
    const double s2 = sx * sx + sy * sy;
    const double theta = std::atan2(sy, sx);
    const double df = 0.5 * (t.dfSum + t.dfDiff * std::cos(2.0 * (theta - t.astig)));
    const double l = t.lambda;
    const double gamma = 2.0 * std::numbers::pi * (-0.5 * df * l * s2 + 0.25 * t.cs * l * l * l * s2 * s2) - t.phase;
    return float(t.sqrtOneMinusW2 * std::sin(gamma) - t.w * std::cos(gamma));
}

} // namespace

double electronWavelength(double voltageKv)
{
    const double v = voltageKv * 1000.0;
    return 12.2639 / std::sqrt(v + 0.97845e-6 * v * v);
}

float evaluateCtf(const CtfParams& p, double pixelSize, double kx, double ky)
{
    return evaluate(ctfTerms(p, pixelSize), kx, ky);
}

void evaluateCtfLattice(const CtfParams& p, double pixelSize, int D, bool symmetric, float* out)
{
    if (D <= 0 || D % 2 != 0)
        throw UsageError("CTF lattice: box size must be even and positive, got " + std::to_string(D));
    const CtfTerms t = ctfTerms(p, pixelSize);
    const int n = symmetric ? D + 1 : D;
    const double half = D / 2;
    for (int y = 0; y < n; ++y) {
        const double ky = (y - half) / D;
        for (int x = 0; x < n; ++x)
            out[std::size_t(y) * n + x] = evaluate(t, (x - half) / D, ky);
    }
}

std::vector<float> ctfLattice(const CtfParams& p, double pixelSize, int D, bool symmetric)
{
    const std::size_t n = symmetric ? D + 1 : D;
    std::vector<float> out(n * n);
    evaluateCtfLattice(p, pixelSize, D, symmetric, out.data());
    return out;
}

void phaseFlip(float* values, const float* ctf, std::size_t count)
{
    for (std::size_t i = 0; i < count; ++i) {
        if (ctf[i] < 0)
            values[i] = -values[i];
    }
}

} // namespace cryo
