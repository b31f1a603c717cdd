#include "reconstruct/MapAgreement.h"

#include "reconstruct/SolventMask.h"
#include "util/Error.h"

#include <cmath>
#include <optional>
#include <vector>

namespace cryo {
namespace {

// Voxels inside the mask's half-way point (all of them without a mask).
std::vector<std::uint8_t> insideMask(const Volume& like, const std::optional<SphericalMask>& mask)
{
    std::vector<std::uint8_t> inside(like.voxelCount(), 1);
    if (!mask)
        return inside;
    const int D = like.nx;
    const double limit = mask->radius + 0.5 * mask->edge;
    std::size_t i = 0;
    for (int z = 0; z < D; ++z)
        for (int y = 0; y < D; ++y)
            for (int x = 0; x < D; ++x, ++i)
                inside[i] = std::uint8_t(std::hypot(x - D / 2, y - D / 2, z - D / 2) <= limit);
    return inside;
}

} // namespace

MapAgreement compareWithBackprojection(const Volume& decoded, const BackprojectionResult& backprojection,
                                       double threshold)
{
    const BackprojectionResult& bp = backprojection;
    if (decoded.nx != bp.map.nx || decoded.ny != bp.map.ny || decoded.nz != bp.map.nz ||
        std::abs(decoded.voxelSize - bp.map.voxelSize) > 1e-3f * bp.map.voxelSize)
        throw UsageError("map comparison: the decoder's map (" + std::to_string(decoded.nx) + "³, " +
                         std::to_string(decoded.voxelSize) + " Å) and the backprojection (" +
                         std::to_string(bp.map.nx) + "³, " + std::to_string(bp.map.voxelSize) +
                         " Å) differ in box or voxel size");
    std::optional<SphericalMask> mask;
    if (bp.maskRadius > 0)
        mask = maskOfRadius(bp.map.nx, bp.map.voxelSize, bp.maskRadius);
    const double resolution = bp.resolution0143.angstrom();
    // What the backprojection's filtered map went through: mask, Wiener weighting, low-pass.
    const auto likeTheBackprojection = [&](Volume v, bool masked) {
        if (mask && !masked)
            applyMask(v, *mask);
        return lowPassFiltered(wienerFiltered(v, bp.halfMapFsc), resolution);
    };
    MapAgreement out;
    Volume decoderMasked = decoded;
    if (mask)
        applyMask(decoderMasked, *mask);
    out.fsc = fourierShellCorrelation(decoderMasked, bp.map);
    out.resolution05 = resolutionAt(out.fsc, 0.5);

    const Volume decoder = likeTheBackprojection(decoderMasked, true);
    Volume halfDifference = bp.halfA;   // the half maps are masked already
    for (std::size_t i = 0; i < halfDifference.data.size(); ++i)
        halfDifference.data[i] = 0.5f * (bp.halfA.data[i] - bp.halfB.data[i]);
    const Volume noise = likeTheBackprojection(halfDifference, true);
    const Volume& data = bp.filteredMap;
    const std::vector<std::uint8_t> inside = insideMask(data, mask);
    double cross = 0, power = 0, noiseSum = 0, noiseSq = 0, count = 0;
    for (std::size_t i = 0; i < inside.size(); ++i) {
        if (!inside[i])
            continue;
        cross += double(decoder.data[i]) * data.data[i];
        power += double(decoder.data[i]) * decoder.data[i];
        noiseSum += noise.data[i];
        noiseSq += double(noise.data[i]) * noise.data[i];
        count += 1;
    }
    out.scale = power > 0 ? cross / power : 0.0;
    const double mean = count > 0 ? noiseSum / count : 0.0;
    out.noiseSigma = count > 0 ? std::sqrt(std::max(0.0, noiseSq / count - mean * mean)) : 0.0;
    out.excess = Volume(data.nx, data.ny, data.nz, data.voxelSize);
    out.excess.origin = data.origin;
    if (!(out.noiseSigma > 0))
        return out;
    for (std::size_t i = 0; i < inside.size(); ++i) {
        if (!inside[i])
            continue;
        const float e = float((out.scale * decoder.data[i] - data.data[i]) / out.noiseSigma);
        out.excess.data[i] = e;
        out.flaggedVoxels += e >= threshold ? 1 : 0;
    }
    out.flaggedVolume = double(out.flaggedVoxels) * std::pow(double(data.voxelSize), 3);
    return out;
}

} // namespace cryo
