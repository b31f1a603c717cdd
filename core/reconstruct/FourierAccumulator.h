#pragma once
// The Fourier-space sums of a direct backprojection, in the Hartley convention of
// fourier/CentredFft.h (real values; the slice theorem holds for them as for the FFT).
// Each particle image pixel k inside the Nyquist circle (|k| < D/2 pixels) is spread onto the
// 8 grid neighbours of K = p·Rᵀ(kx, ky, 0) (PoseConventions.h: the image of pose R is the
// slice of the volume's transform at Rᵀ·k) with trilinear weights w:
//   numerator(K) += w · CTF(k)·X(k),   weight(K) += w · CTF(k)²
// (X the particle's centred Hartley value). numerator/weight is then the CTF-weighted least-
// squares estimate of the volume's transform at K (FourierReconstruction.h).
//
// Grid: G = p·D voxels per axis, p the oversampling ("padding") factor; index i ↔ frequency
// (i − G/2)/(p·D) cycles per image pixel, so the DC term is at G/2 like the images'. Stored
// with one spare plane per axis ((G + 1)³ voxels, numerator and weight interleaved so one
// insertion touches one cache line): a neighbour at +G/2 exists without a bounds check, and
// folded() adds it onto −G/2, the same frequency of the periodic DFT grid.
// Memory: 2·(G + 1)³ floats. Not thread-safe: one accumulator per thread, add()ed at the end.
#include "geometry/PoseConventions.h"

#include <cstdint>
#include <vector>

namespace cryo {

// The folded G³ grids of an accumulator, [z][y][x] like the images.
struct FourierSums {
    int gridSize = 0;              // G
    std::vector<float> numerator;  // Σ w·CTF·X
    std::vector<float> weight;     // Σ w·CTF²
};

class FourierAccumulator {
public:
    // D even ≥ 4, padding 1 … 4. Throws UsageError otherwise.
    FourierAccumulator(int D, int padding);

    int boxSize() const { return m_D; }
    int padding() const { return m_padding; }
    int gridSize() const { return m_G; }

    // ctfTimesValues, ctfSquared: D×D [y][x] on the centred image lattice (index D/2 is DC).
    void insert(const float* ctfTimesValues, const float* ctfSquared, const Mat3& R);
    // Adds another accumulator of the same grid.
    void add(const FourierAccumulator& other);
    FourierSums folded() const;

private:
    int m_D, m_padding, m_G;
    std::size_t m_stride;                 // G + 1
    std::vector<std::int32_t> m_pixels;   // image pixels inside the Nyquist circle, [y][x] index
    std::vector<float> m_kx, m_ky;        // their frequencies in image pixels (i − D/2)
    std::vector<float> m_sums;            // (G + 1)³ × {numerator, weight}
};

} // namespace cryo
