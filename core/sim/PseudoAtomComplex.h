#pragma once
// A hypothetical complex of Gaussian pseudo-atoms for simulated datasets with a known
// ground truth: a globular core (domain 0) and two elongated arms (domains 1 and 2)
// attached to it at hinge points. About 300 atoms; the whole complex stays within
// `maxRadius()` Å of the box centre in every conformation.
//   Hinge     : arm 1 swings about its hinge axis by θ ∈ [θmin, θmax]   (1D coordinate)
//   TwoHinges : arm 1 by θ1 and arm 2 by θ2, independently               (2D coordinates)
//   Discrete  : arms present or absent: state 0 = core + both arms,
//               1 = core + arm 1, 2 = core + arm 2                        (3 states)
#include "geometry/PoseConventions.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace cryo {

enum class MotionKind { Hinge, TwoHinges, Discrete };

std::string motionName(MotionKind kind);   // "hinge", "two-hinges", "discrete"
// Throws UsageError for an unknown name.
MotionKind motionFromName(const std::string& name);

struct PseudoAtom {
    Vec3 position;        // Å, relative to the box centre
    double sigma = 4.0;   // Å, isotropic Gaussian width
    double weight = 1.0;  // peak density
    int domain = 0;       // 0 core, 1 arm 1, 2 arm 2
};

// One conformation: the hinge angles (degrees; hinge uses angles[0]) or the discrete state.
struct Conformation {
    std::array<double, 2> angles{0, 0};
    int state = 0;
};

class PseudoAtomComplex {
public:
    // The atom layout is drawn from `seed` (same seed → same complex). atomSigma (Å) sets how
    // smooth the density is, like a map B-factor of 8π²σ²: 2.5 Å (≈ 490 Å²) leaves signal to
    // about 7 Å, 4 Å (≈ 1260 Å²) almost nothing above 1/12 Å⁻¹; the layout is the same.
    // Throws UsageError for a bad hinge range or atomSigma ≤ 0.
    PseudoAtomComplex(MotionKind motion, std::uint64_t seed, double hingeMinDeg = 0, double hingeMaxDeg = 80,
                      double atomSigma = kDefaultAtomSigma);
    // Å; simulations with pixels over 5 Å widen it to half a pixel (defaultAtomSigma, Simulator.h).
    static constexpr double kDefaultAtomSigma = 2.5;

    MotionKind motion() const { return m_motion; }
    // Number of continuous coordinates (1, 2) or 0 for Discrete.
    int coordinateCount() const;
    int stateCount() const { return m_motion == MotionKind::Discrete ? 3 : 1; }
    double hingeMin() const { return m_hingeMin; }
    double hingeMax() const { return m_hingeMax; }
    double atomSigma() const { return m_sigma; }
    double maxRadius() const;   // Å, bound on |position| + 3σ over all conformations
    std::size_t atomCount() const { return m_core.size() + m_arm1.size() + m_arm2.size(); }
    std::string description() const;

    // The atoms in a conformation (positions relative to the box centre, Å).
    std::vector<PseudoAtom> atoms(const Conformation& conformation) const;

private:
    struct Arm {
        Vec3 pivot;   // hinge point on the core surface, Å
        Vec3 axis;    // unit hinge axis through the pivot
    };
    void appendArm(std::vector<PseudoAtom>& out, const std::vector<PseudoAtom>& arm, const Arm& hinge,
                   double angleDeg) const;

    MotionKind m_motion;
    double m_hingeMin, m_hingeMax;
    double m_sigma;   // Å
    std::vector<PseudoAtom> m_core, m_arm1, m_arm2;   // arms in their θ = 0 position
    Arm m_hinge1, m_hinge2;
};

} // namespace cryo
