#pragma once
// The cryoDRGN Hartley lattices and operations on them.
//   D×D       : the centred HT of a D×D image, index i ↔ k = (i − D/2)/D cycles/px.
//   (D+1)×(D+1): "symmetrised": row/column 0 (k = −½) copied to the end (k = +½), so the
//               lattice spans [−½, ½] and k ↔ −k is plain index reversal (i ↔ D − i).
// The same for volumes: D³ ↔ (D+1)³.
#include <cstddef>
#include <vector>

namespace cryo {

// Frequency (cycles/px) of index i on the centred lattice of a box of size D.
inline double latticeFrequency(int i, int D) { return double(i - D / 2) / D; }

// The lattice coordinates, [n·n][2] = (kx, ky) in cycles/px, row-major [y][x] like the
// images (n = D, or D + 1 when symmetric: then they span [−½, ½] exactly).
std::vector<float> latticeFrequencies2D(int D, bool symmetric);

// D×D → (D+1)×(D+1).
void symmetrize2D(const float* ht, int D, float* out);
std::vector<float> symmetrized2D(const float* ht, int D);
// (D+1)×(D+1) → D×D (drops the last row and column).
void unsymmetrize2D(const float* symmetric, int D, float* out);
// (D+1)³ → D³.
void unsymmetrize3D(const float* symmetric, int D, float* out);

// Translation in Hartley space by t = (tx, ty) pixels:
//   H'(k) = cos(2πk·t)·H(k) + sin(2πk·t)·H(−k)
// which is the HT of the image shifted by +t (content moves by +t: f'(x) = f(x − t)).
// symmetric selects the (D+1)² layout, otherwise D×D (where −(−½) wraps onto −½).
// out must not alias ht.
void translateHartley(const float* ht, int D, bool symmetric, double tx, double ty, float* out);

} // namespace cryo
