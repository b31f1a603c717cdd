#include "cli/MoviePath.h"

#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

namespace cli {

namespace {

std::vector<double> numbersOn(const std::string& line, const std::filesystem::path& file, int lineNumber)
{
    std::istringstream words(line);
    std::vector<double> numbers;
    std::string word;
    while (words >> word) {
        std::replace(word.begin(), word.end(), ',', ' ');
        std::istringstream parts(word);
        std::string part;
        while (parts >> part) {
            std::size_t used = 0;
            double value = 0;
            try {
                value = std::stod(part, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != part.size() || !std::isfinite(value))
                throw cryo::FileError(file, "line " + std::to_string(lineNumber) + ": '" + part + "' is not a number");
            numbers.push_back(value);
        }
    }
    return numbers;
}

} // namespace

std::vector<float> readLatentPath(const std::filesystem::path& file, const cryo::LatentTable& latents, PathKind kind)
{
    std::ifstream in(file);
    if (!in)
        throw cryo::FileError(file, "cannot open for reading");
    std::vector<std::vector<double>> rows;
    std::vector<int> lineNumbers;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        line = line.substr(0, line.find('#'));
        std::vector<double> numbers = numbersOn(line, file, number);
        if (!numbers.empty()) {
            rows.push_back(std::move(numbers));
            lineNumbers.push_back(number);
        }
    }
    if (rows.empty())
        throw cryo::FileError(file, "no points in the path file");
    const int zdim = latents.zdim;
    if (kind == PathKind::Auto) {
        const bool integers = std::all_of(rows.begin(), rows.end(), [](const std::vector<double>& r) {
            return r.size() == 1 && r[0] >= 0 && r[0] == std::floor(r[0]);
        });
        kind = integers && zdim > 1 ? PathKind::Particles : PathKind::ZRows;
    }
    std::vector<float> points;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string where = "line " + std::to_string(lineNumbers[i]) + ": ";
        if (kind == PathKind::ZRows) {
            if (int(rows[i].size()) != zdim)
                throw cryo::FileError(file, where + std::to_string(rows[i].size()) + " numbers, the run's z has "
                                                + std::to_string(zdim));
            points.insert(points.end(), rows[i].begin(), rows[i].end());
            continue;
        }
        const double index = rows[i].size() == 1 ? rows[i][0] : -1;
        if (index < 0 || index != std::floor(index) || index >= double(latents.count))
            throw cryo::FileError(file, where + "not a particle index (0 to " + std::to_string(latents.count - 1) + ")");
        const auto row = latents.mu.begin() + std::ptrdiff_t(index) * zdim;
        points.insert(points.end(), row, row + zdim);
    }
    return points;
}

std::vector<float> resamplePath(const std::vector<float>& points, int dim, int frames)
{
    if (frames < 1 || dim < 1 || points.size() < std::size_t(dim))
        throw cryo::UsageError("resamplePath: needs at least one point and one frame");
    const std::size_t count = points.size() / std::size_t(dim);
    std::vector<double> along(count, 0.0);   // cumulative length at each point
    for (std::size_t i = 1; i < count; ++i) {
        double squared = 0;
        for (int c = 0; c < dim; ++c) {
            const double d = points[i * dim + c] - points[(i - 1) * dim + c];
            squared += d * d;
        }
        along[i] = along[i - 1] + std::sqrt(squared);
    }
    const double total = along.back();
    std::vector<float> out;
    out.reserve(std::size_t(frames) * std::size_t(dim));
    std::size_t leg = 0;
    for (int f = 0; f < frames; ++f) {
        const double s = frames > 1 ? total * f / (frames - 1) : 0.0;
        while (leg + 2 < count && along[leg + 1] < s)
            ++leg;
        const std::size_t next = std::min(leg + 1, count - 1);
        const double span = along[next] - along[leg];
        const double t = span > 0 ? std::clamp((s - along[leg]) / span, 0.0, 1.0) : 0.0;
        for (int c = 0; c < dim; ++c)
            out.push_back(float((1 - t) * points[leg * dim + c] + t * points[next * dim + c]));
    }
    return out;
}

} // namespace cli
