#include "pose/PoseAccuracy.h"

#include "util/Error.h"

#include <Eigen/SVD>

#include <algorithm>
#include <cmath>

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
    std::vector<double> shifts;
    for (std::size_t i = 0; i < n; ++i)
        shifts.push_back(std::hypot(foundShifts[i][0] - trueShifts[i][0], foundShifts[i][1] - trueShifts[i][1]));
    out.medianShiftPx = median(shifts);
    return out;
}

} // namespace cryo
