#include "ctf/Ctf.h"

#include "util/Error.h"

#include <cmath>
#include <numbers>

namespace cryo {
namespace {

// The per-particle constants of the γ polynomial, computed once per lattice.
struct CtfTerms {
    double lambda, cs, phase, sqrtOneMinusW2, w;
    double dfSum, dfDiff, cos2Astig, sin2Astig, inversePixel;
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
    const double astig = p.defocusAngle * std::numbers::pi / 180.0;
    t.cos2Astig = std::cos(2 * astig);
    t.sin2Astig = std::sin(2 * astig);
    t.inversePixel = 1.0 / pixelSize;
    return t;
}

inline float evaluate(const CtfTerms& t, double kx, double ky)
{
    const double sx = kx * t.inversePixel, sy = ky * t.inversePixel;
    const double s2 = sx * sx + sy * sy;
    // cos 2(θ − θ_ast) without atan2: cos 2θ = (x² − y²)/s², sin 2θ = 2xy/s² (θ = 0 at DC).
    const double cos2Theta = s2 > 0 ? (sx * sx - sy * sy) / s2 : 1.0;
    const double sin2Theta = s2 > 0 ? 2 * sx * sy / s2 : 0.0;
    const double df = 0.5 * (t.dfSum + t.dfDiff * (cos2Theta * t.cos2Astig + sin2Theta * t.sin2Astig));
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
    // CTF(k) = CTF(−k): compute rows up to the centre row and mirror them (index i holds
    // k = (i − D/2)/D, so −k sits at D − i, wrapped to 0 on the D×D lattice).
    auto mirror = [&](int i) { return symmetric ? D - i : (D - i) % D; };
    for (int y = 0; y <= D / 2; ++y) {
        const double ky = (y - half) / D;
        float* row = out + std::size_t(y) * n;
        for (int x = 0; x < n; ++x)
            row[x] = evaluate(t, (x - half) / D, ky);
        const int my = mirror(y);
        if (my <= D / 2)
            continue;   // the centre row (and, on D×D, the Nyquist row) is its own mirror
        float* mirrored = out + std::size_t(my) * n;
        for (int x = 0; x < n; ++x)
            mirrored[mirror(x)] = row[x];
        if (!symmetric)   // column 0 (kx = −½) has no partner in the D×D row: compute it
            mirrored[0] = evaluate(t, -0.5, (my - half) / D);
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
