#include "particles/CryodrgnPickles.h"

#include "formats/AtomicFile.h"
#include "formats/PickleFile.h"
#include "geometry/PoseConventions.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace cryo {

namespace {

std::string particle(std::size_t i) { return "particle " + std::to_string(i); }

void requireShape(const std::filesystem::path& path, const char* what, const PickledArray& a,
                  std::vector<std::int64_t> trailing)
{
    bool ok = a.shape.size() == trailing.size() + 1;
    for (std::size_t k = 0; ok && k < trailing.size(); ++k)
        ok = a.shape[k + 1] == trailing[k];
    if (!ok || !a.isFloat()) {
        std::string want = "(N";
        for (std::int64_t t : trailing)
            want += ", " + std::to_string(t);
        throw FileError(path, std::string(what) + " should be a float array of shape " + want + "), found " +
                                  a.dtype.dtype + " " + a.shapeText());
    }
}

std::vector<double> finiteValues(const std::filesystem::path& path, const char* what, const PickledArray& a,
                                 std::size_t perParticle)
{
    std::vector<double> v = a.toDoubles();
    for (std::size_t i = 0; i < v.size(); ++i)
        if (!std::isfinite(v[i]))
            throw FileError(path, std::string(what) + " of " + particle(i / perParticle) + " is not finite");
    return v;
}

void checkRotation(const std::filesystem::path& path, std::size_t i, const Mat3& R)
{
    const double orthogonality = (R * R.transpose() - Mat3::Identity()).cwiseAbs().maxCoeff();
    if (orthogonality > 1e-3 || R.determinant() < 0)
        throw FileError(path, "rotation of " + particle(i) + " is not a rotation matrix (|R·Rᵀ − I| = " +
                                  std::to_string(orthogonality) + ", det = " + std::to_string(R.determinant()) + ")");
}

} // namespace

std::vector<ParticlePose> readCryodrgnPoses(const std::filesystem::path& path, int imageSize, double pixelSize)
{
    if (imageSize <= 0 || !(pixelSize > 0))
        throw UsageError("readCryodrgnPoses: image size and pixel size must be positive");
    const PickleValue root = readPickle(path);
    const PickleValue* rotations = &root;
    const PickleValue* translations = nullptr;
    if (root.isSequence()) {
        if (root.items.empty() || root.items.size() > 2 || !root.items[0].isArray() ||
            (root.items.size() == 2 && !root.items[1].isArray()))
            throw FileError(path, "pose pickle should be (rotations, translations), found " + root.kindName());
        rotations = &root.items[0];
        translations = root.items.size() == 2 ? &root.items[1] : nullptr;
    } else if (!root.isArray()) {
        throw FileError(path, "pose pickle should be (rotations, translations), found " + root.kindName());
    }
    requireShape(path, "rotations", *rotations->array, {3, 3});
    const std::size_t n = std::size_t(rotations->array->shape[0]);
    const std::vector<double> r = finiteValues(path, "rotation", *rotations->array, 9);
    std::vector<double> t(2 * n, 0.0);
    if (translations) {
        requireShape(path, "translations", *translations->array, {2});
        if (std::size_t(translations->array->shape[0]) != n)
            throw FileError(path, std::to_string(n) + " rotations but " +
                                      std::to_string(translations->array->shape[0]) + " translations");
        t = finiteValues(path, "translation", *translations->array, 2);
    }
    std::vector<ParticlePose> poses(n);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t k = 0; k < 9; ++k)
            poses[i].rotation[k] = float(r[9 * i + k]);
        const Mat3 R = matrixFromRowMajor(poses[i].rotation);
        checkRotation(path, i, R);
        const EulerAngles e = relionEulerFromMatrix(R);
        poses[i].angles = {float(e.rot), float(e.tilt), float(e.psi)};
        if (std::abs(t[2 * i]) > 0.5 || std::abs(t[2 * i + 1]) > 0.5)
            throw FileError(path, "translation of " + particle(i) + " is (" + std::to_string(t[2 * i]) + ", " +
                                      std::to_string(t[2 * i + 1]) +
                                      "), more than half the box: cryoDRGN >= 0.3 stores fractions of the box; "
                                      "this looks like pixels (older cryoDRGN)");
        poses[i].shiftX = float(angstromFromPixels(pixelsFromBoxFraction(t[2 * i], imageSize), pixelSize));
        poses[i].shiftY = float(angstromFromPixels(pixelsFromBoxFraction(t[2 * i + 1], imageSize), pixelSize));
    }
    return poses;
}

CryodrgnCtfTable readCryodrgnCtf(const std::filesystem::path& path)
{
    const PickleValue root = readPickle(path);
    if (!root.isArray())
        throw FileError(path, "CTF pickle should be an N×9 array, found " + root.kindName());
    requireShape(path, "CTF table", *root.array, {9});
    const std::vector<double> v = finiteValues(path, "CTF", *root.array, 9);
    const std::size_t n = std::size_t(root.array->shape[0]);
    CryodrgnCtfTable table;
    table.params.resize(n);
    table.imageSizes.resize(n);
    table.pixelSizes.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double* row = &v[9 * i];
        auto bad = [&](const char* what) {
            throw FileError(path, "row " + std::to_string(i) + ": " + what + " (D " + std::to_string(row[0]) +
                                      ", Å/px " + std::to_string(row[1]) + ", dfU " + std::to_string(row[2]) +
                                      ", dfV " + std::to_string(row[3]) + ", kV " + std::to_string(row[5]) +
                                      ", Cs " + std::to_string(row[6]) + ", w " + std::to_string(row[7]) + ")");
        };
        if (row[0] < 1 || row[0] != std::floor(row[0]) || row[1] <= 0)
            bad("image size and pixel size must be positive");
        if (row[2] < 0 || row[3] < 0)
            bad("negative defocus");
        if (row[5] <= 0 || row[6] < 0 || row[7] < 0 || row[7] > 1)
            bad("voltage, spherical aberration or amplitude contrast out of range");
        table.imageSizes[i] = int(row[0]);
        table.pixelSizes[i] = row[1];
        CtfParams& p = table.params[i];
        p.defocusU = float(row[2]);
        p.defocusV = float(row[3]);
        p.defocusAngle = float(row[4]);
        p.voltage = float(row[5]);
        p.sphericalAberration = float(row[6]);
        p.amplitudeContrast = float(row[7]);
        p.phaseShift = float(row[8]);
    }
    return table;
}

namespace {

std::vector<std::int64_t> indicesFromPickle(const std::filesystem::path& path)
{
    const PickleValue root = readPickle(path);
    if (!root.isArray())
        throw FileError(path, "index pickle should be a 1-D integer array, found " + root.kindName());
    const PickledArray& a = *root.array;
    if (!a.isInteger() || a.dtype.type == NpyType::Bool ||
        !(a.shape.size() == 1 || (a.shape.size() == 2 && a.shape[1] == 1)))
        throw FileError(path, "index pickle should be a 1-D integer array, found " + a.dtype.dtype + " " +
                                  a.shapeText());
    std::vector<std::int64_t> v = a.toInt64s();
    if (a.dtype.type == NpyType::UInt)
        for (std::size_t i = 0; i < v.size(); ++i)
            if (v[i] < 0)   // u8 above 2^63
                throw FileError(path, "position " + std::to_string(i) + ": index too large");
    return v;
}

// (index, line number) pairs from a text list.
std::vector<std::pair<std::int64_t, std::size_t>> indicesFromText(const std::filesystem::path& path)
{
    std::istringstream in(readWholeFile(path));
    std::vector<std::pair<std::int64_t, std::size_t>> out;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        line = line.substr(0, line.find('#'));
        std::replace(line.begin(), line.end(), ',', ' ');
        std::istringstream fields(line);
        std::string token;
        while (fields >> token) {
            std::size_t used = 0;
            long long value = 0;
            try {
                value = std::stoll(token, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != token.size())
                throw FileError(path, "line " + std::to_string(number) + ": '" + token + "' is not an integer index");
            out.emplace_back(value, number);
        }
    }
    return out;
}

} // namespace

std::vector<std::size_t> readIndexList(const std::filesystem::path& path, std::size_t particleCount)
{
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    std::vector<std::pair<std::int64_t, std::size_t>> entries;   // value, line (text) or position + 1 (pickle)
    if (ext == ".pkl" || ext == ".pickle") {
        const std::vector<std::int64_t> v = indicesFromPickle(path);
        for (std::size_t i = 0; i < v.size(); ++i)
            entries.emplace_back(v[i], i + 1);
    } else {
        entries = indicesFromText(path);
    }
    if (entries.empty())
        throw FileError(path, "holds no particle indices (an empty selection)");
    const char* unit = (ext == ".pkl" || ext == ".pickle") ? "position " : "line ";
    std::vector<std::size_t> indices;
    indices.reserve(entries.size());
    for (const auto& [value, where] : entries) {
        const std::size_t at = unit[0] == 'p' ? where - 1 : where;
        if (value < 0)
            throw FileError(path, unit + std::to_string(at) + ": negative index " + std::to_string(value));
        if (particleCount > 0 && std::uint64_t(value) >= particleCount)
            throw FileError(path, unit + std::to_string(at) + ": index " + std::to_string(value) +
                                      " is out of range (" + std::to_string(particleCount) + " particles)");
        indices.push_back(std::size_t(value));
    }
    return indices;
}

std::vector<std::size_t> readIndexFile(const std::filesystem::path& path, std::size_t particleCount, IndexFileInfo* info)
{
    std::vector<std::size_t> indices = readIndexList(path, particleCount);
    IndexFileInfo local;
    local.entries = indices.size();
    local.wasSorted = std::is_sorted(indices.begin(), indices.end());
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    local.duplicates = local.entries - indices.size();
    if (info)
        *info = local;
    return indices;
}

} // namespace cryo
