// Maps from a cryoDRGN checkpoint (model/CryodrgnDecoder.h), on the same scale conventions
// as every other generator (model/VolumeGenerator.h).
#include "formats/TorchCheckpoint.h"
#include "fourier/HartleyVolume.h"
#include "model/ComputeDevice.h"
#include "model/CryodrgnDecoder.h"
#include "model/VolumeGenerator.h"
#include "util/Error.h"

namespace cryo {

namespace {

class CryodrgnVolumeGenerator final : public VolumeGenerator {
public:
    CryodrgnVolumeGenerator(RunConfig run, const CryodrgnConfig& config, const PickleValue& checkpoint,
                            const std::filesystem::path& weights, int threads)
        : m_config(std::move(run)), m_decoder(config, checkpoint, weights)
    {
        m_decoder.to(chooseComputeDevice(threads));
    }

    const RunConfig& config() const override { return m_config; }
    double multiplyAdds(int n) const override { return m_decoder.multiplyAdds(n); }

    Volume generate(std::span<const float> z, int n) override
    {
        const int D = m_config.boxSize;
        if (n < 2 || n > D || n % 2)
            throw UsageError("map box " + std::to_string(n) + " must be even and at most " + std::to_string(D));
        std::vector<float> ht = m_decoder.evaluateLattice(z, n);
        Volume map = volumeFromHartley(ht.data(), n, true, float(m_config.pixelSize * D / n));
        // cryoDRGN's transform divides by n³ whatever n is; (n/D)³ brings a cropped map to the full map's scale.
        const double ratio = double(n) / D;
        if (n != D)
            for (float& v : map.data)
                v = float(v * (ratio * ratio * ratio));
        return map;
    }

private:
    RunConfig m_config;
    CryodrgnDecoder m_decoder;
};

} // namespace

std::unique_ptr<VolumeGenerator> openCryodrgnVolumeGenerator(RunConfig run, int threads)
{
    const CryodrgnConfig config = readCryodrgnConfig(run.cryodrgnConfig);
    const PickleValue checkpoint = readTorchCheckpoint(run.cryodrgnWeights);
    if (run.boxSize != 0 && run.boxSize != config.boxSize())
        throw FileError(run.cryodrgnConfig, "describes a box of " + std::to_string(config.boxSize()) + " px; the run " +
                                                std::to_string(run.boxSize));
    run.boxSize = config.boxSize();
    run.model.zdim = config.zdim;
    run.hartleyStd = config.norm[1];
    if (run.pixelSize <= 0)
        run.pixelSize = 1;   // as eval_vol's --Apix default
    const std::filesystem::path weights = run.cryodrgnWeights;
    return std::make_unique<CryodrgnVolumeGenerator>(std::move(run), config, checkpoint, weights, threads);
}

} // namespace cryo
