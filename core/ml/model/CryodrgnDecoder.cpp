#include "model/CryodrgnDecoder.h"

#include "formats/TorchCheckpoint.h"
#include "util/Error.h"

#include <cmath>
#include <regex>

namespace cryo {

namespace {

// Points per MLP call: [chunk, width] activations of a 1024-wide decoder stay near 64 MB.
constexpr std::int64_t kChunk = 16384;

torch::Tensor tensorOf(const PickleValue& value, const std::string& key, const std::filesystem::path& weights)
{
    if (!value.isArray() || !value.array->isFloat())
        throw FileError(weights, "model_state_dict['" + key + "'] is not a float tensor (" + value.kindName() + ")");
    const PickledArray& a = *value.array;
    const std::vector<float> values = a.toFloats();
    return torch::from_blob(const_cast<float*>(values.data()), a.shape, torch::kFloat32).clone();
}

// The points cryoDRGN's Lattice places along one axis: np.linspace(−e, e, L) in float64, then float32.
std::vector<float> latticeAxis(double extent, int points)
{
    std::vector<float> axis(static_cast<std::size_t>(points));
    const double step = 2 * extent / (points - 1);
    for (int i = 0; i < points; ++i)
        axis[std::size_t(i)] = float(i * step - extent);
    axis.back() = float(extent);
    return axis;
}

} // namespace

CryodrgnDecoder::CryodrgnDecoder(const CryodrgnConfig& config, const PickleValue& checkpoint,
                                 const std::filesystem::path& weights)
    : m_config(config), m_latticeSize(config.latticeSize), m_zdim(config.zdim), m_fourier(config.domain == "fourier"),
      m_leakyRelu(config.activation == "leaky_relu"), m_encoding(config.encoding)
{
    const bool hyperVolume = config.model == CryodrgnModel::HyperVolume;
    const PickleValue* stateDict = dictValue(checkpoint, hyperVolume ? "hypervolume_state_dict" : "model_state_dict");
    if (!stateDict || stateDict->kind != PickleValue::Kind::Dict)
        throw FileError(weights, std::string("no ") + (hyperVolume ? "hypervolume_state_dict" : "model_state_dict") +
                                     " in the checkpoint (is it a cryoDRGN weights file of this run?)");
    // A HetOnlyVAE keeps its decoder under "decoder."; train_nn & co. save the decoder itself,
    // the HyperVolume its MLP under "mlp.". A positional decoder holds its MLP under "decoder."
    // in turn; without an encoding the MLP (hartley) or the slice decoder's MLP (fourier) is it.
    const std::string prefix = config.model == CryodrgnModel::Vae ? "decoder." : "";
    if (hyperVolume) {
        readHyperVolume(checkpoint, weights);
        readLayers(*stateDict, "mlp.", weights);
    } else {
        readLayers(*stateDict, prefix + (m_encoding == "none" && !m_fourier ? "" : "decoder."), weights);
    }

    const int half = m_latticeSize / 2;   // cryoDRGN's D2
    const int dims = config.encodingDim > 0 ? config.encodingDim : half;
    if (m_encoding == "gaussian") {
        const PickleValue* freqs = dictValue(*stateDict, prefix + "rand_freqs");
        if (!freqs)
            throw FileError(weights, "no '" + prefix + "rand_freqs' in the state dict (gaussian encoding)");
        m_frequencies = tensorOf(*freqs, prefix + "rand_freqs", weights);
        if (m_frequencies.dim() != 2 || m_frequencies.size(1) != 3)
            throw FileError(weights, "rand_freqs must be [3F, 3]");
        m_frequencies = m_frequencies * half;   // as PositionalDecoder.random_fourier_encoding
    } else if (m_encoding != "none") {
        // Angular frequencies per axis, computed in float32 exactly as cryoDRGN's encodings do.
        if (m_encoding != "linear_lowf" && dims < 2)
            throw FileError(config.file, "pe_dim " + std::to_string(dims) + " is too small for " + m_encoding);
        const torch::Tensor j = torch::arange(dims, torch::kFloat32);
        const double even = 2 * half;   // cryoDRGN's DD
        if (m_encoding == "geom_lowf")
            m_frequencies = torch::pow(1.0 / half, j / (dims - 1)) * half;
        else if (m_encoding == "geom_ft")
            m_frequencies = torch::pow(2.0 / even, j / (dims - 1)) * (even * M_PI);
        else if (m_encoding == "geom_full")
            m_frequencies = torch::pow(1.0 / even / M_PI, j / (dims - 1)) * (even * M_PI);
        else if (m_encoding == "geom_nohighf")
            m_frequencies = torch::pow(2.0 * M_PI / half, j / (dims - 1)) * half;
        else if (m_encoding == "linear_lowf")
            m_frequencies = torch::arange(1, half + 1, torch::kFloat32);
        else
            throw FileError(config.file, "unknown positional encoding pe_type '" + m_encoding + "'");
    }
    if (const PickleValue* z = hyperVolume ? dictValue(*stateDict, "geom_freqs_conf") : nullptr)
        m_zFrequencies = tensorOf(*z, "geom_freqs_conf", weights).reshape({-1});
    const std::int64_t features = m_encoding == "none" ? 3 : 2 * (m_encoding == "gaussian" ? m_frequencies.size(0) : 3 * m_frequencies.size(0));
    const std::int64_t zFeatures = m_zFrequencies.defined() ? 2 * m_zFrequencies.size(0) * m_zdim : m_zdim;
    const std::int64_t inputs = m_layers.front().weight.size(1), outputs = m_layers.back().weight.size(0);
    if (inputs != features + zFeatures)
        throw FileError(weights, "the decoder's first layer takes " + std::to_string(inputs) + " inputs; " + m_encoding +
                                     " encoding and zdim " + std::to_string(m_zdim) + " give " + std::to_string(features + zFeatures) +
                                     " (does the config belong to these weights?)");
    if (outputs != (m_fourier ? 2 : 1))
        throw FileError(weights, "the decoder has " + std::to_string(outputs) + " outputs; the " + config.domain +
                                     " domain needs " + (m_fourier ? "2" : "1"));
}

// The HyperVolume's building parameters and output mask, as cryoDRGN's eval_vol reads them.
void CryodrgnDecoder::readHyperVolume(const PickleValue& checkpoint, const std::filesystem::path& weights)
{
    const PickleValue* params = dictValue(checkpoint, "hypervolume_params");
    const PickleValue* radius = dictValue(checkpoint, "output_mask_radius");
    if (!params || params->kind != PickleValue::Kind::Dict)
        throw FileError(weights, "no hypervolume_params in an abinit checkpoint");
    const auto text = [&](const char* key) {
        const PickleValue* v = dictValue(*params, key);
        return v && v->kind == PickleValue::Kind::String ? v->text : std::string("?");
    };
    const auto integer = [&](const PickleValue* v) { return v && v->kind == PickleValue::Kind::Int ? v->integer : -1; };
    if (!dictValue(*params, "n_layers"))
        throw FileError(weights, "an explicit-volume abinit model (--explicit-volume): not read");
    if (text("pe_type") != "gaussian" || text("domain") != "hartley")
        throw FileError(weights, "a HyperVolume with pe_type '" + text("pe_type") + "' and domain '" + text("domain") +
                                     "' (cryoDRGN implements gaussian and hartley only)");
    if (integer(dictValue(*params, "resolution")) != m_latticeSize || integer(dictValue(*params, "z_dim")) != m_zdim)
        throw FileError(weights, "hypervolume_params (resolution, z_dim) do not match the config's lattice_args.D and zdim");
    const std::int64_t r = integer(radius);
    if (r < 0 || 2 * r + 1 > m_latticeSize)
        throw FileError(weights, "no usable output_mask_radius in the abinit checkpoint (cryoDRGN's eval_vol needs it too)");
    m_outputMaskRadius = int(r);
    m_encoding = "gaussian";
    m_fourier = false;
    m_leakyRelu = false;   // the HyperVolume's MLP is ReLU
}

// eval_volume_method: in the slice at z, the disc of radius int(√(r_n² − z²)·D) lattice steps
// (r_n = 2·extent·radius/D), without the centre; its radius in cycles/px, compared in float32.
bool CryodrgnDecoder::outsideOutputMask(float x, float y, float z) const
{
    if (m_outputMaskRadius < 0)
        return false;
    if (x == 0 && y == 0)
        return true;   // the lattice's ignore_DC drops the centre of every slice
    const int D = m_latticeSize;
    const double rn = m_config.extent * 2 * m_outputMaskRadius / D;
    const float z2 = z * z;   // float32, as NumPy squares a float32
    const int slice = int(std::sqrt(std::max(rn * rn - double(z2), 0.0)) * D);
    const double normed = double(slice) / (D / 2) * m_config.extent;
    return x * x + y * y + 0.0f > float(normed * normed);
}

void CryodrgnDecoder::readLayers(const PickleValue& stateDict, const std::string& prefix, const std::filesystem::path& weights)
{
    // "<prefix>main.<i>.weight" (Linear) or "<prefix>main.<i>.linear.weight" (ResidLinear);
    // activations sit at the odd indices and hold no parameters.
    const std::regex key("main\\.([0-9]+)\\.(linear\\.)?weight");
    std::vector<std::pair<int, bool>> found;
    for (std::size_t i = 0; i + 1 < stateDict.items.size(); i += 2) {
        const std::string& name = stateDict.items[i].text;
        std::smatch m;
        if (name.compare(0, prefix.size(), prefix) == 0 && std::regex_match(name.begin() + std::ptrdiff_t(prefix.size()), name.end(), m, key) &&
            m[1].length() < 6)
            found.emplace_back(std::stoi(m[1]), m[2].matched);
    }
    std::sort(found.begin(), found.end());
    if (found.empty())
        throw FileError(weights, "model_state_dict has no '" + prefix + "main.N.weight' layers: not a cryoDRGN decoder");
    for (std::size_t l = 0; l < found.size(); ++l) {
        const auto [index, residual] = found[l];
        if (index != 2 * int(l))
            throw FileError(weights, "decoder layer '" + prefix + "main." + std::to_string(index) + "' out of sequence");
        const std::string base = prefix + "main." + std::to_string(index) + (residual ? ".linear." : ".");
        const PickleValue* w = dictValue(stateDict, base + "weight");
        const PickleValue* b = dictValue(stateDict, base + "bias");
        if (!b)
            throw FileError(weights, "no '" + base + "bias' in model_state_dict");
        Layer layer{tensorOf(*w, base + "weight", weights), tensorOf(*b, base + "bias", weights), residual};
        const bool square = layer.weight.dim() == 2 && layer.weight.size(0) == layer.weight.size(1);
        if (layer.weight.dim() != 2 || layer.bias.dim() != 1 || layer.bias.size(0) != layer.weight.size(0) ||
            (residual && !square) || (l > 0 && layer.weight.size(1) != m_layers.back().weight.size(0)))
            throw FileError(weights, "decoder layer '" + base + "weight' has an unexpected shape");
        m_layers.push_back(std::move(layer));
    }
}

void CryodrgnDecoder::to(const torch::Device& device)
{
    m_device = device;
    if (m_frequencies.defined())
        m_frequencies = m_frequencies.to(device);
    for (Layer& l : m_layers) {
        l.weight = l.weight.to(device);
        l.bias = l.bias.to(device);
    }
}

torch::Tensor CryodrgnDecoder::encode(const torch::Tensor& coords) const
{
    if (m_encoding == "none")
        return coords;
    torch::Tensor k;
    if (m_encoding == "gaussian")
        k = (coords.unsqueeze(-2) * m_frequencies).sum(-1);           // [N, 3F]
    else
        k = coords.unsqueeze(-1) * m_frequencies;                     // [N, 3, F]
    return torch::cat({torch::sin(k), torch::cos(k)}, -1).reshape({coords.size(0), -1});
}

torch::Tensor CryodrgnDecoder::mlp(torch::Tensor x) const
{
    for (std::size_t l = 0; l < m_layers.size(); ++l) {
        const Layer& layer = m_layers[l];
        torch::Tensor y = torch::linear(x, layer.weight, layer.bias);
        if (layer.residual)
            y = y + x;
        x = l + 1 == m_layers.size() ? y : (m_leakyRelu ? torch::leaky_relu(y, 0.01) : torch::relu(y));
    }
    return x;
}

torch::Tensor CryodrgnDecoder::decodePoints(const torch::Tensor& coords, const torch::Tensor& z) const
{
    std::vector<torch::Tensor> parts;
    for (std::int64_t first = 0; first < coords.size(0); first += kChunk) {
        const torch::Tensor c = coords.narrow(0, first, std::min(kChunk, coords.size(0) - first));
        torch::Tensor x = encode(c);
        if (z.defined())
            x = torch::cat({x, z.expand({c.size(0), z.size(1)})}, -1);
        parts.push_back(mlp(x));
    }
    return torch::cat(parts, 0).to(torch::kCPU).contiguous();
}

void CryodrgnDecoder::decodedPoints(int n, std::vector<std::int64_t>& points, std::vector<float>& coords) const
{
    // A slice decoder (fourier, no encoding) decodes the whole plane z = 0 itself, mirroring only
    // z > 0; a positional fourier decoder the half space H inside the sphere; hartley everything.
    const bool sliceDecoder = m_fourier && m_encoding == "none";
    const int L = n + 1;
    const double extent = m_config.extent * n / (m_latticeSize - 1);   // eval_vol -d: the central part of the lattice
    const std::vector<float> axis = latticeAxis(extent, L);
    const float radius2 = float(extent * extent);
    for (int s = 0; s < L; ++s)
        for (int r = 0; r < L; ++r)
            for (int c = 0; c < L; ++c) {
                const float x = axis[std::size_t(c)], y = axis[std::size_t(r)], zc = axis[std::size_t(s)];
                if (m_fourier) {
                    const bool inHalf = zc < 0 || (zc == 0 && (sliceDecoder || y < 0 || (y == 0 && x <= 0)));
                    if (!inHalf || (!sliceDecoder && x * x + y * y + zc * zc > radius2))
                        continue;
                }
                if (outsideOutputMask(x, y, zc))
                    continue;   // stays 0, as the HyperVolume's masked points
                points.push_back((std::int64_t(s) * L + r) * L + c);
                coords.insert(coords.end(), {x, y, zc});
            }
}

double CryodrgnDecoder::multiplyAdds(int n) const
{
    std::vector<std::int64_t> points;
    std::vector<float> coords;
    decodedPoints(n, points, coords);
    double perPoint = 0;
    for (const Layer& l : m_layers)
        perPoint += double(l.weight.numel());
    return perPoint * double(points.size());
}

std::vector<float> CryodrgnDecoder::evaluateLattice(std::span<const float> z, int n)
{
    const int full = m_latticeSize - 1;
    if (n < 2 || n > full || n % 2)
        throw UsageError("cryoDRGN decoder: box " + std::to_string(n) + " must be even and at most " + std::to_string(full));
    if (z.size() != std::size_t(m_zdim))
        throw UsageError("z has " + std::to_string(z.size()) + " values; this model needs " + std::to_string(m_zdim));
    torch::InferenceMode inference;
    const int L = n + 1;
    torch::Tensor latent;   // [1, zdim] (HyperVolume with geom encoding: [1, zdim·8]); undefined when homogeneous
    if (m_zdim > 0)
        latent = torch::from_blob(const_cast<float*>(z.data()), {1, std::int64_t(z.size())}).clone().to(m_device);
    if (latent.defined() && m_zFrequencies.defined()) {   // [sin(z_c f0…f3), cos(z_c f0…f3)] per component
        const torch::Tensor k = latent.unsqueeze(-1) * m_zFrequencies;
        latent = torch::cat({torch::sin(k), torch::cos(k)}, -1).reshape({1, -1});
    }

    std::vector<std::int64_t> points;
    std::vector<float> coords;
    decodedPoints(n, points, coords);
    const bool sliceDecoder = m_fourier && m_encoding == "none";
    const auto P = std::int64_t(points.size());
    const torch::Tensor out = decodePoints(torch::from_blob(coords.data(), {P, 3}).to(m_device), latent);
    const float* v = out.data_ptr<float>();

    const std::size_t count = std::size_t(L) * L * L, centralSlice = std::size_t(L / 2) * L * L;
    std::vector<float> ht(count, 0.0f);
    for (std::int64_t p = 0; p < P; ++p) {
        const auto i = std::size_t(points[std::size_t(p)]);
        if (!m_fourier) {
            ht[i] = v[p];
            continue;
        }
        ht[i] = v[2 * p] - v[2 * p + 1];                 // HT(k) = a − b
        const std::size_t mirror = count - 1 - i;        // −k: the point mirrored through the centre
        if (mirror != i && (!sliceDecoder || i < centralSlice))   // the slice decoder decoded z = 0 itself
            ht[mirror] = v[2 * p] + v[2 * p + 1];        // HT(−k) = a + b
    }
    const auto mean = float(m_config.norm[0]), std = float(m_config.norm[1]);
    for (float& h : ht)
        h = h * std + mean;
    if (sliceDecoder) {   // FTSliceDecoder: utils.zero_sphere after the normalisation
        for (int s = 0; s < L; ++s)
            for (int r = 0; r < L; ++r)
                for (int c = 0; c < L; ++c) {
                    const double a = -1 + 2.0 * c / (L - 1), b = -1 + 2.0 * r / (L - 1), d = -1 + 2.0 * s / (L - 1);
                    if (std::sqrt(a * a + b * b + d * d) > 1)
                        ht[(std::size_t(s) * L + r) * L + c] = 0;
                }
    }
    return ht;
}

} // namespace cryo
