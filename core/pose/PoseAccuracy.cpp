#include "pose/PoseAccuracy.h"

#include "util/Error.h"

#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cryo {

namespace {

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
    return v[v.size() / 2];
}

// The rotation nearest to M in the Frobenius norm.
Mat3 projectToRotation(const Mat3& M)
{
    const Eigen::JacobiSVD<Mat3> svd(M, Eigen::ComputeFullU | Eigen::ComputeFullV);
    Mat3 D = Mat3::Identity();
    D(2, 2) = (svd.matrixU() * svd.matrixV().transpose()).determinant() < 0 ? -1.0 : 1.0;
    return svd.matrixU() * D * svd.matrixV().transpose();
}

struct Alignment {
    Mat3 A = Mat3::Identity();
    std::vector<double> errors;
};

Alignment align(const std::vector<Mat3>& found, const std::vector<Mat3>& truth)
{
    Alignment a;
    for (int pass = 0; pass < 2; ++pass) {
        Mat3 sum = Mat3::Zero();
        for (std::size_t i = 0; i < found.size(); ++i)
            if (pass == 0 || a.errors[i] < 20.0)
                sum += truth[i].transpose() * found[i];
        if (pass == 1 && sum.isZero())
            break;   // nothing within 20°: keep the first estimate
        a.A = projectToRotation(sum);
        a.errors.assign(found.size(), 0.0);
        for (std::size_t i = 0; i < found.size(); ++i)
            a.errors[i] = rotationDistanceDeg(found[i], truth[i] * a.A);
    }
    return a;
}

// The map offset c minimising Σ_i∈rows |d_i − (R_i·c)_xy|² (d_i: found − true shift).
Eigen::Vector3d fitMapOffset(const std::vector<Mat3>& found, const std::vector<Eigen::Vector2d>& d,
                             const std::vector<std::size_t>& rows)
{
    Mat3 normal = Mat3::Zero();
    Eigen::Vector3d rhs = Eigen::Vector3d::Zero();
    for (const std::size_t i : rows) {
        const Eigen::Matrix<double, 2, 3> P = found[i].topRows<2>();
        normal += P.transpose() * P;
        rhs += P.transpose() * d[i];
    }
    return normal.ldlt().solve(rhs);
}

std::vector<double> shiftErrors(const std::vector<Mat3>& found, const std::vector<Eigen::Vector2d>& d,
                                const Eigen::Vector3d& c)
{
    std::vector<double> errors;
    for (std::size_t i = 0; i < found.size(); ++i)
        errors.push_back((d[i] - found[i].topRows<2>() * c).norm());
    return errors;
}

} // namespace

PoseAccuracy comparePoses(const std::vector<std::array<float, 9>>& foundRotations,
                          const std::vector<std::array<float, 2>>& foundShifts, const std::vector<Mat3>& trueRotations,
                          const std::vector<std::array<double, 2>>& trueShifts)
{
    const std::size_t n = foundRotations.size();
    if (foundShifts.size() != n || trueRotations.size() != n || trueShifts.size() != n)
        throw UsageError("comparePoses: " + std::to_string(n) + " found poses but " +
                         std::to_string(trueRotations.size()) + " true ones");
    std::vector<Mat3> found, mirroredTruth;
    for (std::size_t i = 0; i < n; ++i) {
        found.push_back(matrixFromRowMajor(foundRotations[i]));
        const Mat3 F = Eigen::Vector3d(1, 1, -1).asDiagonal();
        mirroredTruth.push_back(F * trueRotations[i] * F);
    }
    const Alignment direct = align(found, trueRotations), mirrored = align(found, mirroredTruth);
    PoseAccuracy out;
    const double directMedian = median(direct.errors), mirroredMedian = median(mirrored.errors);
    out.mirrored = mirroredMedian < directMedian;
    out.alignment = out.mirrored ? mirrored.A : direct.A;
    out.rotationDeg = out.mirrored ? mirrored.errors : direct.errors;
    out.medianRotationDeg = std::min(directMedian, mirroredMedian);
    std::vector<Eigen::Vector2d> d;
    for (std::size_t i = 0; i < n; ++i)
        d.emplace_back(foundShifts[i][0] - trueShifts[i][0], foundShifts[i][1] - trueShifts[i][1]);
    std::vector<std::size_t> rows(n);
    for (std::size_t i = 0; i < n; ++i)
        rows[i] = i;
    if (n >= 8) {   // fewer poses do not pin c down
        out.mapOffset = fitMapOffset(found, d, rows);
        const std::vector<double> first = shiftErrors(found, d, out.mapOffset);
        const double limit = 3.0 * median(first);
        std::erase_if(rows, [&](std::size_t i) { return first[i] > limit; });
        if (rows.size() >= 8)
            out.mapOffset = fitMapOffset(found, d, rows);
    }
    out.medianShiftPx = median(shiftErrors(found, d, out.mapOffset));
    return out;
}

namespace {

double sortedQuantile(const std::vector<double>& sorted, double q)
{
    return sorted.empty() ? 0.0 : sorted[std::min(sorted.size() - 1, std::size_t(q * double(sorted.size())))];
}

} // namespace

double errorQuantile(std::vector<double> values, double q)
{
    std::sort(values.begin(), values.end());
    return sortedQuantile(values, q);
}

std::string describeRotationErrors(const std::vector<double>& degrees)
{
    std::vector<double> v = degrees;
    std::sort(v.begin(), v.end());
    const auto quantile = [&v](double q) { return sortedQuantile(v, q); };
    const auto within5 = std::count_if(v.begin(), v.end(), [](double x) { return x <= 5.0; });
    char line[200];
    std::snprintf(line, sizeof line, "median %.2f deg (quantiles 10/25/75/90%%: %.1f %.1f %.1f %.1f), %.1f%% within 5 deg",
                  quantile(0.5), quantile(0.1), quantile(0.25), quantile(0.75), quantile(0.9),
                  v.empty() ? 0.0 : 100.0 * double(within5) / double(v.size()));
    return line;
}

} // namespace cryo
