#pragma once
// The training objective of one batch (cryoDRGN's):
//   z ~ q(z|x) = N(mu, exp(logvar)) from the encoder on the phase-flipped image x (turned to
//   its canonical in-plane angle when the encoder frame is "canonical", CanonicalInPlane.h),
//   prediction on the lattice = CTF · [a − b | a + b] of the decoder at Rᵀ·k (half | mirror),
//   loss = MSE(prediction, image) over the masked pixels + β · KL(q ‖ N(0, I)) / pixels.
// Homogeneous models: loss = MSE.
#include "images/TrainingImages.h"
#include "train/CanonicalInPlane.h"
#include "model/CryoModel.h"
#include "run/RunFile.h"

#include <functional>
#include <optional>

namespace cryo {

// A batch on the compute device. target [B, 2Ph], ctf [B, Ph], rotations [B, 3, 3].
struct BatchTensors {
    torch::Tensor target, ctf, rotations;
    static BatchTensors from(TrainingBatch& batch, std::int64_t halfCount, const torch::Device& device);
};

// The rows of a batch's noise draw that belong to these images: data-parallel replicas train
// on parts of one batch and draw the whole batch's noise (rows = the batch's images), so every
// image gets the noise it would get in one process. rows 0: the images' own draw.
struct NoiseRows {
    std::int64_t first = 0, rows = 0;
};

struct LossTerms {
    torch::Tensor loss, mse, kld;   // scalars (kld undefined for homogeneous models)
    torch::Tensor mu;               // [B, zdim] (undefined for homogeneous models)
};

class VaeObjective {
public:
    // canonicalEncoderFrame: the encoder sees each image turned by CanonicalInPlane
    // (ModelArchitecture::encoderFrame "canonical"), else as recorded.
    VaeObjective(const TrainingLattice& lattice, double beta, const torch::Device& device,
                 bool canonicalEncoderFrame);

    // The loss of one batch (with gradients; TrainingEngine takes the optimizer step).
    LossTerms evaluate(CryoModel& model, const BatchTensors& batch, at::Generator& generator,
                       NoiseRows noise = {}) const;
    // A replica's empty part of a batch: draws the batch's noise as evaluate would, so the
    // generator stays in step with the other replicas'.
    void skipNoise(CryoModel& model, std::int64_t rows, at::Generator& generator) const;
    // Compare only the pixels with |k|·D ≤ radius (lattice units) from now on; radius ≤ 0 or
    // ≥ D/2: all of them. Ab initio training uses it to fit the low frequencies first (and
    // faster: the decoder runs on fewer points), as cryoDRGN2 raises k_max over the epochs.
    void setFrequencyLimit(double radius);
    // Consensus mode for models with a latent: the decoder alone at z = 0, no KL term (the
    // encoder gets no gradient). Heterogeneous ab initio searches its first poses this way.
    void setConsensus(bool consensus) { m_consensus = consensus; }
    bool consensus() const { return m_consensus; }
    // Posterior (mu, logvar) without gradients, each [B, zdim].
    std::pair<torch::Tensor, torch::Tensor> encodePosterior(CryoModel& model, const BatchTensors& batch) const;
    // The posterior of every particle (mu, logvar: count × zdim, input order), in batches of
    // 256; `prepare` may change each batch first (ab initio: centre by the found shifts).
    // Only the particles [rows.first, rows.second) when given (the other rows stay 0: a
    // replica's part of the pass). Empty for homogeneous models.
    LatentTable encodeDataset(CryoModel& model, TrainingImages& images, const torch::Device& device,
                              const std::function<void(TrainingBatch&)>& prepare = {},
                              std::pair<std::size_t, std::size_t> rows = {0, SIZE_MAX}) const;

private:
    torch::Tensor encoderInput(const BatchTensors& batch) const;

    torch::Tensor m_allHalfCoords;   // [Ph, 2] cycles/px
    torch::Tensor m_halfCoords;      // [P, 2] the compared half points
    torch::Tensor m_selection;       // [P] their indices in the half lattice (undefined: all)
    std::optional<CanonicalInPlane> m_canonicalFrame;   // the "canonical" encoder frame
    double m_beta;
    int m_D = 0;
    bool m_consensus = false;
};

} // namespace cryo
