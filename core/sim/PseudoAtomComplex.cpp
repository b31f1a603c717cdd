#include "sim/PseudoAtomComplex.h"

#include "util/Error.h"

#include <cmath>
#include <numbers>
#include <random>
#include <sstream>

namespace cryo {
namespace {

// Shape of the complex (Å). Core: ellipsoid; arms: rods of length kArmLength leaving the
// core at the pivots. Chosen so that every conformation fits in a 64 px box at 3 Å/px
// with room for a few pixels of shift inside the 0.85 soft window.
constexpr double kCoreAxes[3] = {22, 18, 16};
constexpr int kCoreAtoms = 160;
constexpr double kPivot = 20;
constexpr double kArmLength[2] = {30, 26};
constexpr double kArmRadius = 6;
constexpr int kArmAtoms[2] = {80, 60};

// Atoms uniformly inside an ellipsoid (rejection sampling).
std::vector<PseudoAtom> makeCore(std::mt19937_64& rng, double sigma)
{
    std::uniform_real_distribution<double> u(-1, 1);
    std::vector<PseudoAtom> atoms;
    while (int(atoms.size()) < kCoreAtoms) {
        const Vec3 p(u(rng), u(rng), u(rng));
        if (p.squaredNorm() > 1)
            continue;
        PseudoAtom a;
        a.position = Vec3(p.x() * kCoreAxes[0], p.y() * kCoreAxes[1], p.z() * kCoreAxes[2]);
        a.sigma = sigma;
        a.domain = 0;
        atoms.push_back(a);
    }
    return atoms;
}

// A rod from `pivot` along unit `dir`, thicker at its far end so the arm's tip is visible.
std::vector<PseudoAtom> makeArm(std::mt19937_64& rng, const Vec3& pivot, const Vec3& dir, int index, double sigma)
{
    std::uniform_real_distribution<double> along(4, kArmLength[index]), u(-1, 1);
    const Vec3 e1 = dir.unitOrthogonal(), e2 = dir.cross(e1);
    std::vector<PseudoAtom> atoms;
    while (int(atoms.size()) < kArmAtoms[index]) {
        const double s = along(rng), a = u(rng), b = u(rng);
        if (a * a + b * b > 1)
            continue;
        const double radius = kArmRadius * (s > 0.75 * kArmLength[index] ? 1.0 : 0.6);
        PseudoAtom atom;
        atom.position = pivot + s * dir + radius * (a * e1 + b * e2);
        atom.sigma = sigma;
        atom.domain = index + 1;
        atoms.push_back(atom);
    }
    return atoms;
}

} // namespace

std::string motionName(MotionKind kind)
{
    switch (kind) {
    case MotionKind::Hinge: return "hinge";
    case MotionKind::TwoHinges: return "two-hinges";
    case MotionKind::Discrete: return "discrete";
    }
    return "hinge";
}

MotionKind motionFromName(const std::string& name)
{
    if (name == "hinge")
        return MotionKind::Hinge;
    if (name == "two-hinges")
        return MotionKind::TwoHinges;
    if (name == "discrete")
        return MotionKind::Discrete;
    throw UsageError("unknown motion '" + name + "' (expected hinge, two-hinges or discrete)");
}

PseudoAtomComplex::PseudoAtomComplex(MotionKind motion, std::uint64_t seed, double hingeMinDeg, double hingeMaxDeg,
                                     double atomSigma)
    : m_motion(motion), m_hingeMin(hingeMinDeg), m_hingeMax(hingeMaxDeg), m_sigma(atomSigma)
{
    if (!(hingeMaxDeg >= hingeMinDeg) || std::abs(hingeMinDeg) > 180 || std::abs(hingeMaxDeg) > 180)
        throw UsageError("hinge range must satisfy -180 <= min <= max <= 180 degrees");
    if (!(atomSigma > 0) || atomSigma > 50)
        throw UsageError("the pseudo-atom width must be above 0 and at most 50 Å");
    std::mt19937_64 rng(seed);   // the layout does not depend on the width: same seed, same atoms
    m_core = makeCore(rng, m_sigma);
    // Arm 1 leaves along +x and swings in the xy plane (axis z); arm 2 leaves along −x
    // and swings towards +z (axis y).
    m_hinge1 = {Vec3(kPivot, 0, 0), Vec3(0, 0, 1)};
    m_hinge2 = {Vec3(-kPivot, 0, 0), Vec3(0, 1, 0)};
    m_arm1 = makeArm(rng, m_hinge1.pivot, Vec3(1, 0, 0), 0, m_sigma);
    m_arm2 = makeArm(rng, m_hinge2.pivot, Vec3(-1, 0, 0), 1, m_sigma);
}

int PseudoAtomComplex::coordinateCount() const
{
    switch (m_motion) {
    case MotionKind::Hinge: return 1;
    case MotionKind::TwoHinges: return 2;
    case MotionKind::Discrete: return 0;
    }
    return 0;
}

double PseudoAtomComplex::maxRadius() const
{
    return kPivot + std::max(kArmLength[0], kArmLength[1]) + kArmRadius + 3 * m_sigma;
}

std::string PseudoAtomComplex::description() const
{
    std::ostringstream s;
    s << atomCount() << " Gaussian pseudo-atoms (sigma " << m_sigma << " A): core ellipsoid " << kCoreAxes[0] << "x"
      << kCoreAxes[1] << "x" << kCoreAxes[2] << " A; arm 1 along +x hinged at (" << kPivot
      << ",0,0) about z; arm 2 along -x hinged at (" << -kPivot << ",0,0) about y. ";
    switch (m_motion) {
    case MotionKind::Hinge:
        s << "Motion hinge: arm 1 rotates by theta in [" << m_hingeMin << ", " << m_hingeMax << "] deg.";
        break;
    case MotionKind::TwoHinges:
        s << "Motion two-hinges: arm 1 by theta1 and arm 2 by theta2, each in [" << m_hingeMin << ", " << m_hingeMax
          << "] deg.";
        break;
    case MotionKind::Discrete:
        s << "Motion discrete: state 0 = core + both arms, 1 = core + arm 1, 2 = core + arm 2.";
        break;
    }
    return s.str();
}

void PseudoAtomComplex::appendArm(std::vector<PseudoAtom>& out, const std::vector<PseudoAtom>& arm,
                                  const Arm& hinge, double angleDeg) const
{
    const Mat3 R = Eigen::AngleAxisd(angleDeg * std::numbers::pi / 180.0, hinge.axis).toRotationMatrix();
    for (PseudoAtom a : arm) {
        a.position = hinge.pivot + R * (a.position - hinge.pivot);
        out.push_back(a);
    }
}

std::vector<PseudoAtom> PseudoAtomComplex::atoms(const Conformation& c) const
{
    std::vector<PseudoAtom> out = m_core;
    const double mid = 0.5 * (m_hingeMin + m_hingeMax);
    switch (m_motion) {
    case MotionKind::Hinge:
        appendArm(out, m_arm1, m_hinge1, c.angles[0]);
        appendArm(out, m_arm2, m_hinge2, mid);
        break;
    case MotionKind::TwoHinges:
        appendArm(out, m_arm1, m_hinge1, c.angles[0]);
        appendArm(out, m_arm2, m_hinge2, c.angles[1]);
        break;
    case MotionKind::Discrete:
        if (c.state < 0 || c.state > 2)
            throw UsageError("discrete state must be 0, 1 or 2");
        if (c.state != 2)
            appendArm(out, m_arm1, m_hinge1, mid);
        if (c.state != 1)
            appendArm(out, m_arm2, m_hinge2, mid);
        break;
    }
    return out;
}

} // namespace cryo
