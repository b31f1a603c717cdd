#include "cryodrgn/CryodrgnConfig.h"

#include "formats/TorchCheckpoint.h"
#include "formats/YamlValue.h"
#include "util/Error.h"

#include <cmath>

namespace cryo {

namespace {

using Kind = PickleValue::Kind;

class ConfigReader {
public:
    ConfigReader(const PickleValue& root, const std::filesystem::path& file) : m_root(root), m_file(file) {}

    const PickleValue* section(std::string_view name) const
    {
        const PickleValue* s = dictValue(m_root, name);
        if (s && s->kind != Kind::Dict && s->kind != Kind::None)
            fail(std::string(name) + " is " + s->kindName() + ", not a mapping");
        return s && s->kind == Kind::Dict ? s : nullptr;
    }
    const PickleValue* value(const PickleValue* section, std::string_view key) const
    {
        const PickleValue* v = section ? dictValue(*section, key) : nullptr;
        return v && v->kind != Kind::None ? v : nullptr;   // a null key takes the default
    }
    // A number from an int, float, bool or a NumPy scalar (config.pkl stores np.float32 values).
    double numberOf(const PickleValue& v, const std::string& what) const
    {
        if (v.kind == Kind::Int)
            return double(v.integer);
        if (v.kind == Kind::Float)
            return v.real;
        if (v.kind == Kind::Bool)
            return v.boolean ? 1.0 : 0.0;
        if (v.isArray() && v.array->elementCount() == 1 && (v.array->isFloat() || v.array->isInteger()))
            return v.array->number(0);
        fail(what + " is " + v.kindName() + ", not a number");
    }
    std::optional<double> number(const PickleValue* section, std::string_view key, std::string_view where) const
    {
        const PickleValue* v = value(section, key);
        if (!v)
            return std::nullopt;
        return numberOf(*v, std::string(where) + "." + std::string(key));
    }
    int integer(const PickleValue* section, std::string_view key, std::string_view where, int fallback) const
    {
        const std::optional<double> n = number(section, key, where);
        if (!n)
            return fallback;
        if (*n != std::floor(*n) || std::abs(*n) > 1e9)
            fail(std::string(where) + "." + std::string(key) + " = " + std::to_string(*n) + " is not an integer");
        return int(*n);
    }
    std::string text(const PickleValue* section, std::string_view key, std::string_view where, std::string fallback) const
    {
        const PickleValue* v = value(section, key);
        if (!v)
            return fallback;
        if (v->kind != Kind::String)
            fail(std::string(where) + "." + std::string(key) + " is " + v->kindName() + ", not text");
        return v->text;
    }
    [[noreturn]] void fail(const std::string& problem) const { throw FileError(m_file, problem); }

private:
    const PickleValue& m_root;
    const std::filesystem::path& m_file;
};

void refuseUnreadableLayouts(const PickleValue& root, const ConfigReader& r, const std::filesystem::path& file)
{
    if (root.kind != Kind::Dict)
        r.fail("the configuration is " + root.kindName() + ", not a mapping");
    if (!r.section("lattice_args") || !r.section("model_args")) {
        if (dictValue(root, "data_norm_mean") && dictValue(root, "training"))
            r.fail("an `abinit` configuration of the cryoDRGN 4.2 pre-releases (training and data_norm_mean only): not "
                   "read. Released cryoDRGN >= 4.2 writes lattice_args and model_args beside them");
        if (dictValue(root, "zdim") || dictValue(root, "D") || dictValue(root, "model") || dictValue(root, "lattice"))
            r.fail("a flat configuration without lattice_args and model_args, as only the unreleased cryoDRGN "
                   "4.0/4.1 development versions wrote: not read. Retrain with a released cryoDRGN "
                   "(<= 3.5 or >= 4.2), whose config.yaml has lattice_args and model_args");
        r.fail("no lattice_args and model_args: not a cryoDRGN training configuration (" + file.filename().string() + ")");
    }
}

} // namespace

CryodrgnConfig readCryodrgnConfig(const std::filesystem::path& path)
{
    const std::string ext = path.extension().string();
    PickleValue root;
    if (ext == ".yaml" || ext == ".yml")
        root = readYamlValue(path);
    else if (ext == ".pkl")
        root = readPickle(path);
    else
        throw FileError(path, "not a cryoDRGN configuration (expected config.yaml or config.pkl)");
    const ConfigReader r(root, path);
    refuseUnreadableLayouts(root, r, path);
    const PickleValue* lattice = r.section("lattice_args");
    const PickleValue* model = r.section("model_args");
    const PickleValue* dataset = r.section("dataset_args");

    CryodrgnConfig c;
    c.file = path;
    c.version = r.text(&root, "version", "version", "");
    c.latticeSize = r.integer(lattice, "D", "lattice_args", 0);
    if (c.latticeSize < 3 || c.latticeSize % 2 == 0)
        r.fail("lattice_args.D = " + std::to_string(c.latticeSize) + ": cryoDRGN lattices are odd (box + 1) and at least 3");
    c.extent = r.number(lattice, "extent", "lattice_args").value_or(0.5);
    if (!(c.extent > 0 && c.extent <= 0.5))
        r.fail("lattice_args.extent = " + std::to_string(c.extent) + " is outside (0, 0.5]");

    // train_vae / abinit_het write players/pdim (and an encoder's qlayers/qdim); train_nn and
    // train_dec write layers/dim; abinit_homo stores its decoder's under qlayers/qdim; the 4.x
    // abinit keeps its normalisation at the top (data_norm_mean/std) and its sizes in training.
    const bool vae = r.value(model, "players") != nullptr;
    const bool hyperVolume = r.value(&root, "data_norm_mean") != nullptr;
    c.model = hyperVolume ? CryodrgnModel::HyperVolume : vae ? CryodrgnModel::Vae : CryodrgnModel::Decoder;
    const bool homoAbinit = !vae && !r.value(model, "layers") && r.value(model, "qlayers");
    c.zdim = r.integer(model, "zdim", "model_args", 0);
    if (vae && c.zdim < 1)
        r.fail("model_args.zdim is missing or below 1 in a heterogeneous (HetOnlyVAE) configuration");
    const PickleValue* training = hyperVolume ? r.section("training") : nullptr;
    c.decoderLayers = hyperVolume ? r.integer(training, "hypervolume_layers", "training", 0)
                                  : r.integer(model, vae ? "players" : (homoAbinit ? "qlayers" : "layers"), "model_args", 0);
    c.decoderWidth = hyperVolume ? r.integer(training, "hypervolume_dim", "training", 0)
                                 : r.integer(model, vae ? "pdim" : (homoAbinit ? "qdim" : "dim"), "model_args", 0);
    c.encoderLayers = vae ? r.integer(model, "qlayers", "model_args", 0) : 0;
    c.encoderWidth = vae ? r.integer(model, "qdim", "model_args", 0) : 0;
    if (c.zdim < 0 || c.zdim > 1024)
        r.fail("model_args.zdim = " + std::to_string(c.zdim) + " is out of range");
    if (r.value(&root, "train_args") || r.value(model, "volume_domain"))
        r.fail("a configuration of the unreleased cryoDRGN 4.1 development line (train_args, volume_domain): not "
               "read. Retrain with a released cryoDRGN (<= 3.5 or >= 4.2)");
    const std::string encodeMode = r.text(model, "encode_mode", "model_args", "resid");
    if (encodeMode == "tilt")
        r.fail("a tilt-series model (encode_mode: tilt): not read");
    c.domain = r.text(model, "domain", "model_args", "fourier");
    if (c.domain != "fourier" && c.domain != "hartley")
        r.fail("model_args.domain '" + c.domain + "' is neither fourier nor hartley");
    c.encoding = r.text(model, "pe_type", "model_args", "geom_lowf");
    c.encodingDim = r.integer(model, "pe_dim", "model_args", 0);
    c.activation = r.text(model, "activation", "model_args", "relu");   // configs before 0.3.2 had none: relu
    if (c.activation != "relu" && c.activation != "leaky_relu")
        r.fail("model_args.activation '" + c.activation + "' is neither relu nor leaky_relu");
    if (c.encodingDim < 0 || c.encodingDim > 4096)
        r.fail("model_args.pe_dim = " + std::to_string(c.encodingDim) + " is out of range");

    c.particles = r.text(dataset, "particles", "dataset_args", "");
    c.poses = r.text(dataset, "poses", "dataset_args", "");
    c.ctf = r.text(dataset, "ctf", "dataset_args", "");
    c.dataDirectory = r.text(dataset, "datadir", "dataset_args", "");
    c.indices = r.text(dataset, "ind", "dataset_args", "");
    c.invertData = r.number(dataset, "invert_data", "dataset_args").value_or(1) != 0;
    if (hyperVolume) {
        c.norm = {r.number(&root, "data_norm_mean", "config").value_or(0),
                  r.number(&root, "data_norm_std", "config").value_or(std::nan(""))};
        if (!std::isfinite(c.norm[0]) || !(c.norm[1] > 0) || !std::isfinite(c.norm[1]))
            r.fail("data_norm_mean / data_norm_std must be a finite mean and a positive std");
        return c;
    }
    const PickleValue* norm = r.value(dataset, "norm");
    if (!norm)
        r.fail("dataset_args.norm is missing: the decoder's output scale is unknown");
    if (!norm->isSequence() || norm->items.size() != 2)
        r.fail("dataset_args.norm is " + norm->kindName() + ", not [mean, std]");
    for (std::size_t i = 0; i < 2; ++i)
        c.norm[i] = r.numberOf(norm->items[i], "dataset_args.norm[" + std::to_string(i) + "]");
    if (!std::isfinite(c.norm[0]) || !(c.norm[1] > 0) || !std::isfinite(c.norm[1]))
        r.fail("dataset_args.norm must be a finite mean and a positive std");
    return c;
}

} // namespace cryo
