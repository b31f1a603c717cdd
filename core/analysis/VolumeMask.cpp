#include "analysis/VolumeMask.h"

#include "io/MrcFile.h"
#include "util/Error.h"

#include <algorithm>
#include <string>

namespace cryo {

VolumeMask::VolumeMask(int nx, int ny, int nz, std::vector<std::uint8_t> inside)
    : m_nx(nx), m_ny(ny), m_nz(nz), m_inside(std::move(inside))
{
    if (m_inside.size() != std::size_t(nx) * std::size_t(ny) * std::size_t(nz))
        throw UsageError("volume mask: flags do not match the size");
    index();
}

void VolumeMask::index()
{
    m_indices.clear();
    for (std::size_t i = 0; i < m_inside.size(); ++i)
        if (m_inside[i])
            m_indices.push_back(i);
}

VolumeMask VolumeMask::automatic(const std::vector<Volume>& volumes, double fraction, int dilation)
{
    if (volumes.empty())
        throw UsageError("volume mask: no volumes");
    const Volume& first = volumes.front();
    std::vector<std::uint8_t> inside(first.voxelCount(), 0);
    for (const Volume& v : volumes) {
        if (v.nx != first.nx || v.ny != first.ny || v.nz != first.nz)
            throw UsageError("volume mask: volumes of different sizes");
        const float threshold = float(fraction) * *std::max_element(v.data.begin(), v.data.end());
        for (std::size_t i = 0; i < v.data.size(); ++i)
            if (v.data[i] > threshold)
                inside[i] = 1;
    }
    VolumeMask mask(first.nx, first.ny, first.nz, std::move(inside));
    mask.dilate(dilation);
    return mask;
}

VolumeMask VolumeMask::fromFile(const std::filesystem::path& path, int nx, int ny, int nz)
{
    const Volume v = readMrc(path);
    if (v.nx != nx || v.ny != ny || v.nz != nz)
        throw FileError(path, "mask is " + std::to_string(v.nx) + " × " + std::to_string(v.ny) + " × " +
                                  std::to_string(v.nz) + " voxels, the maps are " + std::to_string(nx) + " × " +
                                  std::to_string(ny) + " × " + std::to_string(nz));
    std::vector<std::uint8_t> inside(v.data.size());
    for (std::size_t i = 0; i < v.data.size(); ++i)
        inside[i] = v.data[i] > 0.5f;
    VolumeMask mask(nx, ny, nz, std::move(inside));
    if (mask.insideCount() == 0)
        throw FileError(path, "the mask is empty (no voxel above 0.5)");
    return mask;
}

void VolumeMask::dilate(int steps)
{
    for (int s = 0; s < steps; ++s) {
        std::vector<std::uint8_t> grown = m_inside;
        for (int z = 0; z < m_nz; ++z)
            for (int y = 0; y < m_ny; ++y)
                for (int x = 0; x < m_nx; ++x) {
                    const std::size_t i = (std::size_t(z) * std::size_t(m_ny) + std::size_t(y)) * std::size_t(m_nx) + std::size_t(x);
                    if (!m_inside[i])
                        continue;
                    const std::size_t sy = std::size_t(m_nx), sz = std::size_t(m_nx) * std::size_t(m_ny);
                    if (x > 0) grown[i - 1] = 1;
                    if (x + 1 < m_nx) grown[i + 1] = 1;
                    if (y > 0) grown[i - sy] = 1;
                    if (y + 1 < m_ny) grown[i + sy] = 1;
                    if (z > 0) grown[i - sz] = 1;
                    if (z + 1 < m_nz) grown[i + sz] = 1;
                }
        m_inside = std::move(grown);
    }
    index();
}

std::vector<float> VolumeMask::extract(const Volume& volume) const
{
    if (volume.nx != m_nx || volume.ny != m_ny || volume.nz != m_nz)
        throw UsageError("volume mask: the volume's size differs from the mask's");
    std::vector<float> out(m_indices.size());
    for (std::size_t i = 0; i < m_indices.size(); ++i)
        out[i] = volume.data[m_indices[i]];
    return out;
}

Volume VolumeMask::expand(const float* masked, const Volume& like, float outside) const
{
    Volume v(m_nx, m_ny, m_nz, like.voxelSize);
    v.origin = like.origin;
    std::fill(v.data.begin(), v.data.end(), outside);
    for (std::size_t i = 0; i < m_indices.size(); ++i)
        v.data[m_indices[i]] = masked[i];
    return v;
}

} // namespace cryo
