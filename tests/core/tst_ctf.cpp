// CTF values checked against the formula written out independently here (defocus along a
// direction as dfU·cos² + dfV·sin², the other way of writing design/science.md's df(θ)).
#include "ctf/Ctf.h"

#include <QtTest>

#include <cmath>
#include <numbers>

using namespace cryo;

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kApix = 1.5;

double referenceCtf(const CtfParams& p, double pixelSize, double kxPx, double kyPx)
{
    const double volts = p.voltage * 1e3;
    const double lambda = 12.2639 / std::sqrt(volts + 0.97845e-6 * volts * volts);
    const double sx = kxPx / pixelSize, sy = kyPx / pixelSize;
    const double s2 = sx * sx + sy * sy;
    const double a = std::atan2(sy, sx) - p.defocusAngle * kPi / 180;
    const double df = p.defocusU * std::cos(a) * std::cos(a) + p.defocusV * std::sin(a) * std::sin(a);
    const double cs = p.sphericalAberration * 1e7;
    const double chi = kPi * lambda * df * s2 - 0.5 * kPi * cs * std::pow(lambda, 3) * s2 * s2;
    const double gamma = -chi - p.phaseShift * kPi / 180;
    const double w = p.amplitudeContrast;
    return std::sqrt(1 - w * w) * std::sin(gamma) - w * std::cos(gamma);
}

CtfParams typical()
{
    CtfParams p;
    p.defocusU = 15000;
    p.defocusV = 13000;
    p.defocusAngle = 30;
    p.voltage = 300;
    p.sphericalAberration = 2.7;
    p.amplitudeContrast = 0.1;
    return p;
}

} // namespace

class TestCtf : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wavelength()
    {
        // Relativistic electron wavelengths (standard table values).
        QVERIFY(std::abs(electronWavelength(300) - 0.019687) < 2e-5);
        QVERIFY(std::abs(electronWavelength(200) - 0.025079) < 2e-5);
    }

    void valuesMatchFormula_data()
    {
        QTest::addColumn<double>("kx");
        QTest::addColumn<double>("ky");
        QTest::addColumn<double>("phaseShift");
        QTest::newRow("dc") << 0.0 << 0.0 << 0.0;
        QTest::newRow("x axis") << 0.1 << 0.0 << 0.0;
        QTest::newRow("y axis") << 0.0 << -0.23 << 0.0;
        QTest::newRow("diagonal") << 0.2 << 0.2 << 0.0;
        QTest::newRow("nyquist corner") << -0.5 << 0.5 << 0.0;
        QTest::newRow("phase plate") << 0.07 << -0.11 << 90.0;
    }
    void valuesMatchFormula()
    {
        QFETCH(double, kx);
        QFETCH(double, ky);
        QFETCH(double, phaseShift);
        CtfParams p = typical();
        p.phaseShift = phaseShift;
        const double expected = referenceCtf(p, kApix, kx, ky);
        QVERIFY2(std::abs(evaluateCtf(p, kApix, kx, ky) - expected) < 1e-5,
                 qPrintable(QString("got %1 expected %2").arg(evaluateCtf(p, kApix, kx, ky)).arg(expected)));
    }

    void dcTerm()
    {
        CtfParams p = typical();
        QCOMPARE_LT(std::abs(evaluateCtf(p, kApix, 0, 0) + 0.1f), 1e-6f);   // −w at s = 0
        p.amplitudeContrast = 0;
        p.phaseShift = 90;   // a phase plate turns sin γ into −cos γ: full contrast at DC
        QCOMPARE_LT(std::abs(evaluateCtf(p, kApix, 0, 0) + 1.0f), 1e-6f);
    }

    void zerosOfSinGamma()
    {
        // w = 0, no astigmatism: CTF = sin γ vanishes where γ = −nπ, i.e. where
        // ¼Cs·λ³·u² − ½df·λ·u + n/2 = 0 with u = s² (smaller root = the n-th zero).
        CtfParams p = typical();
        p.amplitudeContrast = 0;
        p.defocusV = p.defocusU;
        const double lambda = electronWavelength(p.voltage), cs = p.sphericalAberration * 1e7;
        for (int n = 1; n <= 6; ++n) {
            const double a = 0.25 * cs * std::pow(lambda, 3), b = -0.5 * p.defocusU * lambda, c = 0.5 * n;
            const double u = (-b - std::sqrt(b * b - 4 * a * c)) / (2 * a);
            const double sPx = std::sqrt(u) * kApix;   // cycles/px
            QVERIFY(sPx < 0.5);
            QCOMPARE_LT(std::abs(evaluateCtf(p, kApix, sPx, 0)), 1e-3f);
            // A true zero crossing: the sign differs just before and after.
            QVERIFY(evaluateCtf(p, kApix, sPx * 0.99, 0) * evaluateCtf(p, kApix, sPx * 1.01, 0) < 0);
        }
    }

    void astigmatismRotatesWithAngle()
    {
        // The defocus along the astigmatism angle is dfU, perpendicular to it dfV.
        CtfParams p = typical();
        CtfParams round = p;
        const double k = 0.15, a = p.defocusAngle * kPi / 180;
        round.defocusV = round.defocusU;
        QCOMPARE_LT(std::abs(evaluateCtf(p, kApix, k * std::cos(a), k * std::sin(a)) -
                             evaluateCtf(round, kApix, k * std::cos(a), k * std::sin(a))), 1e-5f);
        round.defocusU = round.defocusV = p.defocusV;
        QCOMPARE_LT(std::abs(evaluateCtf(p, kApix, -k * std::sin(a), k * std::cos(a)) -
                             evaluateCtf(round, kApix, -k * std::sin(a), k * std::cos(a))), 1e-5f);
    }

    void lattice_data()
    {
        QTest::addColumn<bool>("symmetric");
        QTest::newRow("DxD") << false;
        QTest::newRow("(D+1)^2") << true;
    }
    void lattice()
    {
        QFETCH(bool, symmetric);
        const int D = 32, n = symmetric ? D + 1 : D;
        const CtfParams p = typical();
        const std::vector<float> c = ctfLattice(p, kApix, D, symmetric);
        QCOMPARE(int(c.size()), n * n);
        for (int y = 0; y < n; ++y) {
            for (int x = 0; x < n; ++x) {
                const double expected = referenceCtf(p, kApix, double(x - D / 2) / D, double(y - D / 2) / D);
                QVERIFY(std::abs(c[y * n + x] - expected) < 1e-5);
            }
        }
        // Centre is DC; in the symmetric lattice the last row is +½ = mirror of −½.
        QCOMPARE_LT(std::abs(c[(D / 2) * n + D / 2] + 0.1f), 1e-6f);
        if (symmetric)
            QCOMPARE_LT(std::abs(c[D * n + D] - c[0]), 1e-6f);   // CTF(k) = CTF(−k)
    }

    void phaseFlipping()
    {
        const std::vector<float> ctf = {0.5f, -0.2f, 0.0f, -1.0f};
        std::vector<float> v = {1, 2, 3, -4};
        phaseFlip(v.data(), ctf.data(), v.size());
        QCOMPARE(v, (std::vector<float>{1, -2, 3, 4}));
    }

    void rejectsBadInput()
    {
        CtfParams p = typical();
        QVERIFY_THROWS_EXCEPTION(std::exception, ctfLattice(p, kApix, 31, false));
        QVERIFY_THROWS_EXCEPTION(std::exception, evaluateCtf(p, 0.0, 0.1, 0));
    }
};

QTEST_GUILESS_MAIN(TestCtf)
#include "tst_ctf.moc"
