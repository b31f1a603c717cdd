// Maps from a model trained here: the decoder on half of the sphere |k| ≤ n/(2D) (Hermitian
// symmetry gives the rest), in chunks; and the factory that picks the generator for a run.
#include "model/VolumeGenerator.h"

#include "fourier/HartleyVolume.h"
#include "model/Checkpoint.h"
#include "model/ComputeDevice.h"
#include "model/CryoModel.h"
#include "run/RunFile.h"
#include "util/Error.h"

#include <cmath>
#include <map>

namespace cryo {

namespace {

// The half of the (n+1)³ lattice inside the sphere |k| ≤ n/(2D) that the decoder evaluates
// (kz > 0, or kz = 0 and ky > 0, or kz = ky = 0 and kx ≥ 0), with the index of −k.
struct HalfSphere {
    int n = 0;
    torch::Tensor coords;                 // [1, P, 3] cycles/px of the trained box
    std::vector<std::int64_t> half, mirror;   // flat indices into the (n+1)³ lattice
};

HalfSphere makeHalfSphere(int n, int D, const torch::Device& device)
{
    HalfSphere sphere;
    sphere.n = n;
    const int m = n + 1, c = n / 2;
    std::vector<float> coords;
    for (int z = c; z < m; ++z)
        for (int y = (z == c ? c : 0); y < m; ++y)
            for (int x = (z == c && y == c ? c : 0); x < m; ++x) {
                const int dx = x - c, dy = y - c, dz = z - c;
                if (4 * (dx * dx + dy * dy + dz * dz) > n * n)
                    continue;
                sphere.half.push_back((std::int64_t(z) * m + y) * m + x);
                sphere.mirror.push_back((std::int64_t(n - z) * m + (n - y)) * m + (n - x));
                for (int d : {dx, dy, dz})
                    coords.push_back(float(d) / float(D));
            }
    const auto P = std::int64_t(sphere.half.size());
    sphere.coords = torch::from_blob(coords.data(), {1, P, 3}).clone().to(device);
    return sphere;
}

class CryoscapeVolumeGenerator final : public VolumeGenerator {
public:
    CryoscapeVolumeGenerator(RunConfig config, const std::filesystem::path& checkpoint, int threads)
        : m_config(std::move(config)), m_device(chooseComputeDevice(threads)),
          m_model(CryoModel(m_config.model, m_config.boxSize, 0))
    {
        loadCheckpoint(checkpoint, m_model, nullptr, nullptr);
        m_model->to(m_device);
        m_model->eval();
    }

    const RunConfig& config() const override { return m_config; }

    double multiplyAdds(int n) const override
    {
        // Points of the half sphere, ~ (2/3)π(n/2)³; the decoder's weights, one multiply-add each per point.
        double perPoint = 0;
        for (const auto& p : m_model->named_parameters())
            if (p.key().rfind("decoder.", 0) == 0 && p.value().dim() == 2)
                perPoint += double(p.value().numel());
        return perPoint * (2.0 / 3.0) * M_PI * std::pow(n / 2.0, 3);
    }

    Volume generate(std::span<const float> z, int n) override
    {
        const int D = m_config.boxSize;
        if (n < 2 || n > D || n % 2)
            throw UsageError("map box " + std::to_string(n) + " must be even and at most " + std::to_string(D));
        if (m_config.model.zdim > 0 && z.size() != std::size_t(m_config.model.zdim))
            throw UsageError("z has " + std::to_string(z.size()) + " values; this model needs " +
                             std::to_string(m_config.model.zdim));
        auto found = m_spheres.find(n);
        if (found == m_spheres.end())
            found = m_spheres.emplace(n, makeHalfSphere(n, D, m_device)).first;
        const HalfSphere& sphere = found->second;

        torch::InferenceMode inference;
        torch::Tensor latent;
        if (m_config.model.zdim > 0)
            latent = torch::from_blob(const_cast<float*>(z.data()), {1, std::int64_t(z.size())}).to(m_device);
        const std::int64_t P = sphere.coords.size(1), chunk = 32768;
        std::vector<torch::Tensor> parts;
        for (std::int64_t first = 0; first < P; first += chunk)
            parts.push_back(m_model->decode(sphere.coords.narrow(1, first, std::min(chunk, P - first)), latent));
        const auto out = torch::cat(parts, 1).squeeze(0).to(torch::kCPU).contiguous();   // [P, 2]
        const float* ab = out.data_ptr<float>();

        // The inverse transform divides by n³; (n/D)³ keeps every box on the full map's scale.
        const double ratio = double(n) / D;
        const auto scale = float(m_config.hartleyStd * ratio * ratio * ratio);
        std::vector<float> ht(std::size_t(n + 1) * (n + 1) * (n + 1), 0.0f);
        for (std::size_t p = 0; p < sphere.half.size(); ++p) {
            ht[std::size_t(sphere.mirror[p])] = scale * (ab[2 * p] + ab[2 * p + 1]);
            ht[std::size_t(sphere.half[p])] = scale * (ab[2 * p] - ab[2 * p + 1]);
        }
        return volumeFromHartley(ht.data(), n, true, float(m_config.pixelSize * D / n));
    }

private:
    RunConfig m_config;
    torch::Device m_device;
    CryoModel m_model;
    std::map<int, HalfSphere> m_spheres;   // per box, made on first use
};

} // namespace

std::vector<int> VolumeGenerator::clickBoxes(double budget) const
{
    const int D = config().boxSize;
    std::vector<int> boxes;
    if (multiplyAdds(D / 2) > budget) {
        int box = (D / 2 - 2) & ~1;
        while (box > 2 && multiplyAdds(box) > budget)
            box -= 2;
        if (box >= 2)
            boxes.push_back(box);
    }
    if (D / 2 >= 2)
        boxes.push_back(D / 2);
    boxes.push_back(D);
    return boxes;
}

std::unique_ptr<VolumeGenerator> VolumeGenerator::open(const std::filesystem::path& runDir, int threads)
{
    const auto runFile = runFilePath(runDir);
    if (!std::filesystem::exists(runFile))
        throw FileError(runFile, "no such run file (train a model first; a run directory holds run.h5)");
    const RunConfig config = readRunConfig(H5File(runFile, H5File::Mode::ReadOnly));
    if (config.importedFromCryodrgn())
        return openCryodrgnVolumeGenerator(config, threads);
    const auto checkpoint = newestCheckpoint(runFile.parent_path());
    if (checkpoint.empty())
        throw FileError(runFile.parent_path(), "no checkpoints/epoch_*.pt: the run has no saved weights");
    return std::make_unique<CryoscapeVolumeGenerator>(config, checkpoint, threads);
}

} // namespace cryo
