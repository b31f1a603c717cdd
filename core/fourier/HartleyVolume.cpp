#include "fourier/HartleyVolume.h"

#include "fourier/CentredFft.h"
#include "fourier/HartleyLattice.h"
#include "util/Error.h"

namespace cryo {

Volume volumeFromHartley(const float* ht, int D, bool symmetric, float voxelSize)
{
    CentredFft fft(D, 3);
    std::vector<float> cropped;
    if (symmetric) {
        cropped.resize(fft.count());
        unsymmetrize3D(ht, D, cropped.data());
        ht = cropped.data();
    }
    Volume v(D, D, D, voxelSize);
    fft.inverseHartley(ht, v.data.data());
    return v;
}

std::vector<float> hartleyOfVolume(const Volume& volume, bool symmetric)
{
    if (volume.nx != volume.ny || volume.nx != volume.nz)
        throw UsageError("Hartley transform: the volume must be cubic");
    const int D = volume.nx;
    CentredFft fft(D, 3);
    std::vector<float> ht(fft.count());
    fft.hartley(volume.data.data(), ht.data());
    return symmetric ? symmetrized3D(ht.data(), D) : ht;
}

std::vector<float> symmetrized3D(const float* ht, int D)
{
    const std::size_t n = D + 1;
    std::vector<float> out(n * n * n);
    for (std::size_t z = 0; z < n; ++z)
        for (std::size_t y = 0; y < n; ++y)
            for (std::size_t x = 0; x < n; ++x)
                out[(z * n + y) * n + x] = ht[((z % D) * D + y % D) * D + x % D];
    return out;
}

} // namespace cryo
