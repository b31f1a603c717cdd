#pragma once
// A real-space 3D map (or a stack of 2D images, nz = count) in memory.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cryo {

struct Volume {
    int nx = 0, ny = 0, nz = 0;
    float voxelSize = 1.0f;                 // Å per voxel (isotropic)
    std::array<float, 3> origin{0, 0, 0};   // Å, as MRC words 50-52
    std::vector<float> data;                // [z][y][x], x fastest

    Volume() = default;
    Volume(int x, int y, int z, float apix = 1.0f)
        : nx(x), ny(y), nz(z), voxelSize(apix), data(std::size_t(x) * y * z, 0.0f) {}

    std::size_t voxelCount() const { return std::size_t(nx) * ny * nz; }
    float& at(int x, int y, int z) { return data[(std::size_t(z) * ny + y) * nx + x]; }
    float at(int x, int y, int z) const { return data[(std::size_t(z) * ny + y) * nx + x]; }
};

struct VolumeStats {
    float min = 0, max = 0;
    double mean = 0, rms = 0;   // rms = standard deviation about the mean (MRC convention)
};

// Mirror along z (the slowest axis): the other hand, as cryodrgn eval_vol --flip.
void flipHandedness(Volume& volume);
// Negate every value: dark density becomes bright (eval_vol --invert).
void invertContrast(Volume& volume);

VolumeStats computeStats(const float* values, std::size_t count);
inline VolumeStats computeStats(const Volume& v) { return computeStats(v.data.data(), v.data.size()); }

} // namespace cryo
