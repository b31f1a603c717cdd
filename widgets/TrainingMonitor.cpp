#include "TrainingMonitor.h"

#include "LatentPreview.h"
#include "LossCurveView.h"
#include "PoseErrorView.h"
#include "ProgressValue.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

QLabel* valueLabel(QWidget* parent, const QString& tip)
{
    auto* label = new QLabel(QStringLiteral("–"), parent);
    label->setToolTip(tip);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString stageName(const std::string& stage)
{
    if (stage == "preparing")
        return TrainingMonitor::tr("Preparing images");
    if (stage == "training")
        return TrainingMonitor::tr("Training");
    if (stage == "saving")
        return TrainingMonitor::tr("Saving checkpoint");
    return QString::fromStdString(stage);
}

QString imageCount(std::size_t n) { return QLocale().toString(qulonglong(n)); }

QString poseErrorString(double rotationDeg, double shiftPx)
{
    if (shiftPx < 0)
        return TrainingMonitor::tr("%1° median rotation error (vs. truth)").arg(rotationDeg, 0, 'f', 1);
    return TrainingMonitor::tr("%1° rotation · %2 px shift (medians vs. truth)")
        .arg(rotationDeg, 0, 'f', 1)
        .arg(shiftPx, 0, 'f', 2);
}

} // namespace

TrainingMonitor::TrainingMonitor(QWidget* parent) : QWidget(parent)
{
    m_stage = valueLabel(this, tr("What the training job is doing now."));
    m_epoch = valueLabel(this, tr("The epoch in progress: one epoch shows every particle image to the model once."));
    m_speed = valueLabel(this, tr("Particle images processed per second."));
    m_eta = valueLabel(this, tr("Estimated time until the last epoch ends (hours:minutes:seconds)."));
    m_losses = valueLabel(this, tr("Running means over the current epoch: total loss = MSE + β·KL."));
    auto* form = new QFormLayout;
    form->addRow(tr("Stage:"), m_stage);
    form->addRow(tr("Epoch:"), m_epoch);
    form->addRow(tr("Speed:"), m_speed);
    form->addRow(tr("Time left:"), m_eta);
    form->addRow(tr("Loss:"), m_losses);
    m_poseError = valueLabel(this, tr("How far the latest searched poses are from the true ones (synthetic data "
                                      "with a truth.h5 only), after one global rotation: median errors."));
    m_poseErrorLabel = new QLabel(tr("Pose error:"), this);
    form->addRow(m_poseErrorLabel, m_poseError);
    m_poseCurve = new PoseErrorView(this);
    m_poseChange = valueLabel(this, tr("How far the latest pose search moved the poses from the previous search's: "
                                       "medians over the particles, after the best global rotation (real data too). "
                                       "Below twice the finest step of the search the poses have settled: the ab "
                                       "initio search has converged."));
    m_poseChangeLabel = new QLabel(tr("Pose change:"), this);
    form->addRow(m_poseChangeLabel, m_poseChange);
    m_halfMaps = valueLabel(this, tr("Two half maps backprojected with the latest searched poses (up to 5,000 "
                                     "particles): the resolution where their FSC drops below 0.143 (Nyquist when it "
                                     "never does). It improves while the poses do and levels off when the search has "
                                     "converged. Both halves were searched against the same model, so they agree more "
                                     "than independent halves would: a sign of convergence, not a validation."));
    m_halfMapsLabel = new QLabel(tr("Half maps:"), this);
    form->addRow(m_halfMapsLabel, m_halfMaps);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setFormat(QStringLiteral("%p%"));
    m_progress->setToolTip(tr("Progress over the whole run."));

    QLayout* plots = createPlots();
    QLayout* buttons = createButtons();

    auto* top = new QHBoxLayout;
    top->addLayout(form, 1);
    top->addWidget(m_poseCurve, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_progress);
    layout->addLayout(plots, 1);
    layout->addLayout(buttons);
    setRunning(false, false);
    setPoseErrorShown(false);
    showSearchResult(-1, -1, -1);
    m_status->setText(tr("No training running. Model → Train… starts one."));
}

QLayout* TrainingMonitor::createPlots()
{
    m_curve = new LossCurveView(this);
    m_logScale = new QCheckBox(tr("Logarithmic loss axis"), this);
    m_logScale->setChecked(m_curve->logScale());
    m_logScale->setToolTip(tr("Log scale shows the MSE and the much larger KL term together."));
    connect(m_logScale, &QCheckBox::toggled, m_curve, &LossCurveView::setLogScale);

    m_preview = new LatentPreview(this);
    m_latentView = m_preview;
    m_latentSlot = new QVBoxLayout;
    m_latentSlot->setContentsMargins(0, 0, 0, 0);
    m_latentSlot->addWidget(m_preview);

    m_plots = new QHBoxLayout;
    auto* curveColumn = new QVBoxLayout;
    curveColumn->addWidget(m_curve, 1);
    curveColumn->addWidget(m_logScale);
    m_plots->addLayout(curveColumn, 3);
    m_plots->addLayout(m_latentSlot, 2);
    return m_plots;
}

QLayout* TrainingMonitor::createButtons()
{
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setToolTip(tr("Stop training after the current batch. The last finished epoch is kept; Resume continues from it."));
    m_resume = new QPushButton(tr("Resume"), this);
    m_resume->setToolTip(tr("Continue this run from its last saved epoch."));
    connect(m_cancel, &QPushButton::clicked, this, &TrainingMonitor::cancelRequested);
    connect(m_resume, &QPushButton::clicked, this, &TrainingMonitor::resumeRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_resume);
    return buttons;
}

void TrainingMonitor::startRun(const cryo::TrainingOptions& options, const std::vector<cryo::EpochRecord>& history)
{
    m_runDir = QString::fromStdString(options.outDir.string());
    m_epochs = options.config.epochs;
    m_curve->setTotalEpochs(m_epochs);
    if (options.resume)
        m_curve->clearRunning();
    else
        m_curve->clear();
    if (!history.empty())
        m_curve->setHistory(history);
    if (!options.resume) {
        m_preview->clear();
        m_poseCurve->clear();
    }
    m_abInitio = options.abInitio;
    m_settledBelowDeg = cryo::settledBelowDeg(options.abInitioOptions);
    if (!options.resume)
        showSearchResult(-1, -1, -1);
    m_homogeneous = options.config.model.homogeneous();
    showLatentSlot();
    m_poseCurve->setTotalEpochs(m_epochs);
    m_poseError->setText(QStringLiteral("–"));
    setPoseErrorShown(m_abInitio && !m_poseCurve->points().empty());
    m_stage->setText(options.resume ? tr("Resuming") : tr("Starting"));
    m_epoch->setText(history.empty() ? QStringLiteral("– / %1").arg(m_epochs)
                                     : tr("%1 / %2").arg(history.back().epoch).arg(m_epochs));
    m_speed->setText(QStringLiteral("–"));
    m_eta->setText(QStringLiteral("–"));
    m_losses->setText(QStringLiteral("–"));
    m_progress->setValue(history.empty() || m_epochs <= 0 ? 0 : std::min(1000, history.back().epoch * 1000 / m_epochs));
    m_status->setText(tr("Run directory: %1").arg(m_runDir));
    m_following = false;
    setRunning(true, false);
}

void TrainingMonitor::showFollowing(const QString& stage, const QString& status)
{
    if (!stage.isEmpty())
        m_stage->setText(stage);
    m_status->setText(status);
    m_following = true;
    setRunning(false, false);
}

void TrainingMonitor::setPoseErrorHistory(const std::vector<cryo::PoseErrorRecord>& history)
{
    for (const cryo::PoseErrorRecord& r : history) {
        if (r.rotationDeg < 0 || r.shiftPx < 0)
            continue;
        m_poseCurve->addEpoch({r.epoch, r.rotationDeg, r.shiftPx, r.searched});
        m_poseError->setText(poseErrorString(r.rotationDeg, r.shiftPx));
    }
    for (const cryo::PoseErrorRecord& r : history)
        if (r.searched)
            showSearchResult(r.changeDeg, r.changePx, r.halfMapResolutionA);
    setPoseErrorShown(m_abInitio && !m_poseCurve->points().empty());
}

void TrainingMonitor::showProgress(const cryo::TrainingProgress& p)
{
    const bool searching = p.stage == "pose search";
    if (searching) {
        m_abInitio = true;
        showPoseSearch(p);
    } else {
        m_stage->setText(stageName(p.stage));
    }
    m_epochs = p.epochs;
    m_epoch->setText(tr("%1 / %2").arg(p.epoch).arg(p.epochs));
    m_speed->setText(p.imagesPerSecond > 0 ? tr("%1 images/s").arg(p.imagesPerSecond, 0, 'f', 1) : QStringLiteral("–"));
    // No estimate before the job has timed part of an epoch.
    m_eta->setText(p.etaSeconds > 0 ? formatDuration(p.etaSeconds) : QStringLiteral("–"));
    // Preparing has no loss, nor a searching epoch before its first training step: keep the last.
    const bool trained = p.stage == "training" || p.stage == "saving" || (searching && p.loss > 0);
    if (trained)
        m_losses->setText(tr("%1  (MSE %2 · KL %3)")
                              .arg(p.loss, 0, 'g', 5)
                              .arg(p.mse, 0, 'g', 5)
                              .arg(p.kld, 0, 'g', 4));
    progressvalue::setLater(m_progress, int(std::lround(runFraction(p) * 1000)));
    const double perEpoch = p.imagesPerEpoch > 0 ? double(p.imagesDone) / double(p.imagesPerEpoch) : 0.0;
    if (trained && p.stage != "saving" && p.imagesDone > 0)
        m_curve->setRunning(std::max(0, p.epoch - 1) + perEpoch, p.loss, p.mse, p.kld);
    if (m_abInitio && p.poseErrorDeg >= 0) {
        const auto& points = m_poseCurve->points();
        m_poseError->setText(poseErrorString(p.poseErrorDeg, points.empty() ? -1.0 : points.back().shiftPx));
        setPoseErrorShown(true);
    }
}

void TrainingMonitor::showPoseSearch(const cryo::TrainingProgress& p)
{
    m_stage->setText(tr("Pose search (epoch %1): %2 / %3 images, %4 images/s")
                         .arg(p.epoch)
                         .arg(imageCount(p.imagesDone), imageCount(p.imagesPerEpoch))
                         .arg(p.imagesPerSecond, 0, 'f', p.imagesPerSecond < 10 ? 1 : 0));
}

// 0..1 over the whole run (a searching epoch searches and trains its particles chunk by chunk).
double TrainingMonitor::runFraction(const cryo::TrainingProgress& p) const
{
    const double perEpoch =
        p.imagesPerEpoch > 0 ? std::clamp(double(p.imagesDone) / double(p.imagesPerEpoch), 0.0, 1.0) : 0.0;
    const double done = p.epochs > 0 ? (std::max(0, p.epoch - 1) + perEpoch) / p.epochs : 0.0;
    return std::clamp(done, 0.0, 1.0);
}

void TrainingMonitor::setPoseErrorShown(bool shown)
{
    m_poseErrorLabel->setVisible(shown);
    m_poseError->setVisible(shown);
    m_poseCurve->setVisible(shown);
}

void TrainingMonitor::addEpoch(const cryo::EpochSummary& summary)
{
    m_curve->addEpoch(summary.record);
    if (m_latentView == m_preview)
        m_preview->setLatents(summary.zMu, summary.zdim, summary.record.epoch);
    m_epoch->setText(tr("%1 / %2").arg(summary.record.epoch).arg(m_epochs));
    if (summary.poseErrorDeg >= 0) {
        m_poseCurve->addEpoch({summary.record.epoch, summary.poseErrorDeg, summary.shiftErrorPx, summary.posesSearched});
        m_poseError->setText(poseErrorString(summary.poseErrorDeg, summary.shiftErrorPx));
        setPoseErrorShown(true);
    }
    if (summary.posesSearched)
        showSearchResult(summary.poseChangeDeg, summary.poseChangePx, summary.halfMapResolutionA);
}

void TrainingMonitor::showSearchResult(double changeDeg, double changePx, double halfMapResolutionA)
{
    const bool halfMaps = halfMapResolutionA > 0;
    m_halfMapsLabel->setVisible(halfMaps);
    m_halfMaps->setVisible(halfMaps);
    m_halfMaps->setText(halfMaps ? tr("%1 Å at FSC 0.143 with the latest searched poses").arg(halfMapResolutionA, 0, 'f', 1)
                                 : QStringLiteral("–"));
    const bool shown = changeDeg >= 0;
    m_poseChangeLabel->setVisible(shown);
    m_poseChange->setVisible(shown);
    if (!shown) {
        m_poseChange->setText(QStringLiteral("–"));
        return;
    }
    const QString moved = tr("%1° · %2 px since the previous search").arg(changeDeg, 0, 'f', 1).arg(changePx, 0, 'f', 2);
    m_poseChange->setText(changeDeg <= m_settledBelowDeg
                              ? tr("%1: settled (converged; below %2°)").arg(moved).arg(m_settledBelowDeg, 0, 'f', 1)
                              : tr("%1: still moving (settled below %2°)").arg(moved).arg(m_settledBelowDeg, 0, 'f', 1));
}

void TrainingMonitor::showFinished(const cryo::TrainingResult& result)
{
    m_curve->clearRunning();
    if (result.cancelled) {
        m_stage->setText(tr("Cancelled after epoch %1").arg(result.epochsCompleted));
        m_eta->setText(QStringLiteral("–"));
    } else {
        m_stage->setText(tr("Finished: %1 epochs in %2").arg(result.epochsCompleted).arg(formatDuration(result.seconds)));
        m_progress->setValue(1000);
        m_eta->setText(formatDuration(0));
    }
    m_runDir = QString::fromStdString(result.runDir.string());
    m_status->setText(tr("Run directory: %1").arg(m_runDir));
    setRunning(false, result.cancelled);
}

void TrainingMonitor::showFailed(const QString& message)
{
    m_curve->clearRunning();
    m_stage->setText(tr("Failed"));
    m_eta->setText(QStringLiteral("–"));
    m_status->setText(tr("<b>Training failed:</b> %1<br>Run directory: %2").arg(message.toHtmlEscaped(), m_runDir.toHtmlEscaped()));
    setRunning(false, !m_runDir.isEmpty());
}

void TrainingMonitor::setLatentView(QWidget* view)
{
    if (!view || view == m_latentView)
        return;
    if (m_latentView != m_preview)
        delete m_latentView;
    m_preview->hide();
    m_latentSlot->addWidget(view);
    m_latentView = view;
    showLatentSlot();
}

// A homogeneous run has no latent space: its view is hidden and the loss curve takes the width.
void TrainingMonitor::showLatentSlot()
{
    m_latentView->setVisible(!m_homogeneous);
    m_plots->setStretchFactor(m_latentSlot, m_homogeneous ? 0 : 2);
}

void TrainingMonitor::setRunning(bool running, bool resumable)
{
    m_cancel->setEnabled(running && !m_following);
    m_resume->setEnabled(!running && resumable && !m_following);
}

QString TrainingMonitor::formatDuration(double seconds)
{
    if (!(seconds >= 0) || !std::isfinite(seconds))
        return QStringLiteral("–");
    const long long s = std::llround(seconds);
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString TrainingMonitor::stageText() const { return m_stage->text(); }
QString TrainingMonitor::epochText() const { return m_epoch->text(); }
QString TrainingMonitor::speedText() const { return m_speed->text(); }
QString TrainingMonitor::etaText() const { return m_eta->text(); }
QString TrainingMonitor::lossText() const { return m_losses->text(); }
QString TrainingMonitor::statusText() const { return m_status->text(); }
QString TrainingMonitor::poseErrorText() const { return m_poseError->text(); }
bool TrainingMonitor::showsPoseError() const { return m_poseError->isVisibleTo(this) && m_poseCurve->isVisibleTo(this); }
QString TrainingMonitor::poseChangeText() const { return m_poseChange->text(); }
bool TrainingMonitor::showsPoseChange() const { return m_poseChange->isVisibleTo(this); }
QString TrainingMonitor::halfMapText() const { return m_halfMaps->isVisibleTo(this) ? m_halfMaps->text() : QString(); }
int TrainingMonitor::progressPermille() const { return m_progress->value(); }
bool TrainingMonitor::canCancel() const { return m_cancel->isEnabled(); }
bool TrainingMonitor::canResume() const { return m_resume->isEnabled(); }
