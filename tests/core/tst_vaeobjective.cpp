// VaeObjective's frequency limit (ab initio training fits the band the pose search used): the
// loss over |k|·D ≤ L equals the MSE of the model's prediction over exactly those pixels,
// computed here by hand; L ≥ D/2 restores the full loss. The consensus mode. The bf16 scope of
// a training step: each forward pass sees the weights of the step before.
#include "model/AutocastScope.h"
#include "train/VaeObjective.h"

#include <QTest>

#include <cmath>

using namespace cryo;

namespace {

struct Setup {
    TrainingLattice lattice;
    CryoModel model{nullptr};
    BatchTensors batch;
};

Setup makeSetup(int D, std::int64_t B)
{
    Setup s;
    s.lattice = TrainingLattice::make(D);
    ModelArchitecture arch;
    arch.zdim = 0;
    arch.decoderWidth = 16;
    arch.decoderLayers = 1;
    torch::manual_seed(4);
    s.model = CryoModel(arch, D, 0);
    const auto P = std::int64_t(s.lattice.halfCount());
    s.batch.target = torch::randn({B, 2 * P});
    s.batch.ctf = torch::rand({B, P}) * 2 - 1;
    // rotations about z by different angles
    std::vector<float> r;
    for (std::int64_t b = 0; b < B; ++b) {
        const double a = 0.4 * double(b);
        const auto c = float(std::cos(a)), sn = float(std::sin(a));
        r.insert(r.end(), {c, -sn, 0, sn, c, 0, 0, 0, 1});
    }
    s.batch.rotations = torch::from_blob(r.data(), {B, 3, 3}).clone();
    return s;
}

// The MSE over the half points with |k|·D ≤ radius (and their mirrors), by hand.
double manualMse(Setup& s, double radius)
{
    torch::NoGradGuard noGrad;
    const auto P = std::int64_t(s.lattice.halfCount());
    const int D = s.lattice.D;
    const auto k = torch::from_blob(s.lattice.halfCoords.data(), {P, 2}).clone();
    const auto coords = torch::matmul(k, s.batch.rotations.narrow(1, 0, 2));
    const auto out = s.model->decode(coords, torch::Tensor());
    const auto a = out.select(2, 0), b = out.select(2, 1);
    const auto predHalf = (a - b) * s.batch.ctf, predMirror = (a + b) * s.batch.ctf;
    double sum = 0;
    std::int64_t count = 0;
    for (std::int64_t p = 0; p < P; ++p) {
        const double kx = s.lattice.halfCoords[std::size_t(2 * p)] * D;
        const double ky = s.lattice.halfCoords[std::size_t(2 * p + 1)] * D;
        if (kx * kx + ky * ky > radius * radius + 1e-6)
            continue;
        sum += (predHalf.select(1, p) - s.batch.target.select(1, p)).square().sum().item<double>();
        sum += (predMirror.select(1, p) - s.batch.target.select(1, P + p)).square().sum().item<double>();
        count += 2 * s.batch.target.size(0);
    }
    return sum / double(count);
}

} // namespace

class TestVaeObjective : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void frequencyLimit_data()
    {
        QTest::addColumn<double>("radius");
        QTest::newRow("L = 4") << 4.0;
        QTest::newRow("L = 9.5") << 9.5;
        QTest::newRow("L = D/2 (all)") << 12.0;
    }
    void frequencyLimit()
    {
        QFETCH(double, radius);
        Setup s = makeSetup(24, 3);
        VaeObjective objective(s.lattice, 1.0, torch::kCPU, false);
        at::Generator generator = at::detail::createCPUGenerator(1);
        const double full = objective.evaluate(s.model, s.batch, generator).mse.item<double>();
        objective.setFrequencyLimit(radius);
        const double limited = objective.evaluate(s.model, s.batch, generator).mse.item<double>();
        const double expected = manualMse(s, radius);
        QVERIFY2(std::abs(limited - expected) < 1e-5 * std::max(1.0, expected),
                 qPrintable(QString("limited %1, by hand %2").arg(limited).arg(expected)));
        if (radius >= 12.0)
            QVERIFY(std::abs(limited - full) < 1e-6 * full);
        else
            QVERIFY(std::abs(limited - full) > 1e-4 * full);   // fewer pixels: a different mean
        objective.setFrequencyLimit(0);   // off again
        QVERIFY(std::abs(objective.evaluate(s.model, s.batch, generator).mse.item<double>() - full) < 1e-6 * full);
    }

    void consensusDecodesAtZeroWithoutTheEncoder()
    {
        // Heterogeneous ab initio's first stage: the decoder alone at z = 0, no KL, and no
        // gradient into the encoder.
        Setup s = makeSetup(16, 4);
        ModelArchitecture arch;
        arch.zdim = 2;
        arch.encoderWidth = arch.decoderWidth = 16;
        arch.encoderLayers = arch.decoderLayers = 1;
        torch::manual_seed(5);
        CryoModel model(arch, 16, std::int64_t(s.lattice.pixelCount()));
        VaeObjective objective(s.lattice, 1.0, torch::kCPU, false);
        at::Generator generator = at::detail::createCPUGenerator(1);
        const LossTerms variational = objective.evaluate(model, s.batch, generator);
        QVERIFY(variational.kld.defined());
        objective.setConsensus(true);
        QVERIFY(objective.consensus());
        const LossTerms consensus = objective.evaluate(model, s.batch, generator);
        QVERIFY(!consensus.kld.defined());
        QCOMPARE(consensus.loss.item<double>(), consensus.mse.item<double>());
        // the MSE of the decoder at z = 0, by hand
        torch::Tensor expected;
        {
            torch::NoGradGuard noGrad;
            const auto P = std::int64_t(s.lattice.halfCount());
            const auto k = torch::from_blob(s.lattice.halfCoords.data(), {P, 2}).clone();
            const auto out = model->decode(torch::matmul(k, s.batch.rotations.narrow(1, 0, 2)), torch::zeros({4, 2}));
            const auto a = out.select(2, 0), b = out.select(2, 1);
            expected = torch::mse_loss(torch::cat({a - b, a + b}, 1) * s.batch.ctf.repeat({1, 2}), s.batch.target);
        }
        QVERIFY(std::abs(consensus.mse.item<double>() - expected.item<double>()) < 1e-6);
        consensus.loss.backward();
        int encoderGradients = 0, decoderGradients = 0;
        for (const auto& item : model->named_parameters()) {
            const bool hasGradient = item.value().grad().defined() && item.value().grad().abs().sum().item<double>() > 0;
            (item.key().rfind("encoder", 0) == 0 ? encoderGradients : decoderGradients) += hasGradient ? 1 : 0;
        }
        QCOMPARE(encoderGradients, 0);
        QVERIFY(decoderGradients > 0);
    }

    void bf16StepsSeeTheUpdatedWeights()
    {
        // A layer on a matrix input (as the encoder's), whose bfloat16 weight copy autocast
        // caches: each step's forward pass must use the weights the step before left.
        torch::manual_seed(2);
        torch::nn::Linear layer(16, 4);
        torch::optim::SGD sgd(layer->parameters(), 0.5);
        const auto x = torch::randn({8, 16});
        for (int step = 0; step < 3; ++step) {
            sgd.zero_grad();
            torch::Tensor y;
            {
                const AutocastScope bf16(true);
                y = layer(x);
            }
            QCOMPARE(y.scalar_type(), torch::kBFloat16);
            torch::Tensor exact;
            {
                torch::NoGradGuard noGrad;
                exact = torch::nn::functional::linear(x, layer->weight, layer->bias);   // fp32, current weights
            }
            const double error = (y.to(torch::kFloat32) - exact).abs().max().item<double>();
            const double scale = exact.abs().max().item<double>();
            qInfo("step %d: bf16 forward differs by %.4f from the current weights' (max |y| %.3f)", step, error, scale);
            QVERIFY(error < 0.05 * scale);   // bfloat16 rounding (~1 %), not an older weight (~20 %)
            y.to(torch::kFloat32).square().mean().backward();
            sgd.step();
        }
        const AutocastScope fp32(false);
        QCOMPARE(layer(x).scalar_type(), torch::kFloat32);
    }
};

QTEST_GUILESS_MAIN(TestVaeObjective)
#include "tst_vaeobjective.moc"
