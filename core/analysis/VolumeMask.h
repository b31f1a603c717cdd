#pragma once
// The voxel mask for landscape analysis: which voxels of the decoded maps take part in
// clustering and PCA. Automatic (cryoDRGN's landscape rule): a voxel is in when it is above
// `fraction` × the maximum of at least one volume (a union over volumes), optionally
// dilated by a few voxels (6-connected steps). Or a user's .mrc mask: voxels > 0.5 are in.
#include "io/Volume.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

namespace cryo {

class VolumeMask {
public:
    VolumeMask() = default;
    // nx·ny·nz flags ([z][y][x]); nonzero = in.
    VolumeMask(int nx, int ny, int nz, std::vector<std::uint8_t> inside);

    // Throws UsageError when there are no volumes or their sizes differ.
    static VolumeMask automatic(const std::vector<Volume>& volumes, double fraction = 0.5, int dilation = 0);
    // Throws FileError when the file cannot be read, its size is not nx × ny × nz or no
    // voxel is above 0.5.
    static VolumeMask fromFile(const std::filesystem::path& path, int nx, int ny, int nz);

    int nx() const { return m_nx; }
    int ny() const { return m_ny; }
    int nz() const { return m_nz; }
    std::size_t voxelCount() const { return m_inside.size(); }
    std::size_t insideCount() const { return m_indices.size(); }
    const std::vector<std::uint8_t>& inside() const { return m_inside; }
    const std::vector<std::size_t>& indices() const { return m_indices; }   // voxel indices in the mask, ascending

    // Grows the mask by `steps` 6-connected voxel steps.
    void dilate(int steps);
    // The masked voxels of a volume of the mask's size (insideCount() values); UsageError otherwise.
    std::vector<float> extract(const Volume& volume) const;
    // Back to a full volume (outside = `outside`), for eigenvolumes.
    Volume expand(const float* masked, const Volume& like, float outside = 0) const;

private:
    void index();

    int m_nx = 0, m_ny = 0, m_nz = 0;
    std::vector<std::uint8_t> m_inside;
    std::vector<std::size_t> m_indices;
};

} // namespace cryo
