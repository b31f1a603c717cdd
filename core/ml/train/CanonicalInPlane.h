#pragma once
// The encoder's input turned to a canonical in-plane angle (issue #23, docs/training.md):
// particles seen from one direction reach the encoder alike whatever their in-plane rotation,
// so it learns images → z over the viewing directions alone (two degrees of freedom, not
// three) and follows the motion epochs earlier. Each image is resampled (bilinear, in Hartley
// space, which turns with the image) so that its first axis lies along the projection of the
// volume's z axis onto the image plane — the volume's x axis for views along z, where that
// projection vanishes. It needs the poses: training with given poses only.
#include "images/TrainingLattice.h"
#include <torch/torch.h>

namespace cryo {

class CanonicalInPlane {
public:
    CanonicalInPlane(const TrainingLattice& lattice, const torch::Device& device);

    // images [B, 2Ph] laid out as TrainingLattice's vectors (half points | mirrors),
    // rotations [B, 3, 3] (rows: the image axes x, y and the viewing direction, in volume
    // coordinates) → [B, 2Ph], the same points of each image turned to the canonical angle.
    torch::Tensor turn(const torch::Tensor& images, const torch::Tensor& rotations) const;

private:
    int m_D = 0;
    torch::Tensor m_flatIndex;   // [2Ph] positions in the (D+1)² lattice: half points, then mirrors
    torch::Tensor m_coords;      // [2Ph, 2] their (kx, ky), cycles/px
};

} // namespace cryo
