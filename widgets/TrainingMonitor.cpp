#include "TrainingMonitor.h"

#include "LatentPreview.h"
#include "LossCurveView.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
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

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setFormat(QStringLiteral("%p%"));
    m_progress->setToolTip(tr("Progress over the whole run."));

    QLayout* plots = createPlots();
    QLayout* buttons = createButtons();

    auto* top = new QHBoxLayout;
    top->addLayout(form, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_progress);
    layout->addLayout(plots, 1);
    layout->addLayout(buttons);
    setRunning(false, false);
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

    auto* plots = new QHBoxLayout;
    auto* curveColumn = new QVBoxLayout;
    curveColumn->addWidget(m_curve, 1);
    curveColumn->addWidget(m_logScale);
    plots->addLayout(curveColumn, 3);
    plots->addLayout(m_latentSlot, 2);
    return plots;
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
    if (!options.resume)
        m_preview->clear();
    m_stage->setText(options.resume ? tr("Resuming") : tr("Starting"));
    m_epoch->setText(history.empty() ? QStringLiteral("– / %1").arg(m_epochs)
                                     : tr("%1 / %2").arg(history.back().epoch).arg(m_epochs));
    m_speed->setText(QStringLiteral("–"));
    m_eta->setText(QStringLiteral("–"));
    m_losses->setText(QStringLiteral("–"));
    m_progress->setValue(history.empty() || m_epochs <= 0 ? 0 : std::min(1000, history.back().epoch * 1000 / m_epochs));
    m_status->setText(tr("Run directory: %1").arg(m_runDir));
    setRunning(true, false);
}

void TrainingMonitor::showProgress(const cryo::TrainingProgress& p)
{
    m_stage->setText(stageName(p.stage));
    m_epochs = p.epochs;
    m_epoch->setText(tr("%1 / %2").arg(p.epoch).arg(p.epochs));
    m_speed->setText(p.imagesPerSecond > 0 ? tr("%1 images/s").arg(p.imagesPerSecond, 0, 'f', 1) : QStringLiteral("–"));
    m_eta->setText(formatDuration(p.etaSeconds));
    m_losses->setText(tr("%1  (MSE %2 · KL %3)")
                          .arg(p.loss, 0, 'g', 5)
                          .arg(p.mse, 0, 'g', 5)
                          .arg(p.kld, 0, 'g', 4));
    const double perEpoch = p.imagesPerEpoch > 0 ? double(p.imagesDone) / double(p.imagesPerEpoch) : 0.0;
    const double done = p.epochs > 0 ? (std::max(0, p.epoch - 1) + std::clamp(perEpoch, 0.0, 1.0)) / p.epochs : 0.0;
    m_progress->setValue(int(std::lround(std::clamp(done, 0.0, 1.0) * 1000)));
    if (p.stage == "training" && p.imagesDone > 0)
        m_curve->setRunning(std::max(0, p.epoch - 1) + perEpoch, p.loss, p.mse, p.kld);
}

void TrainingMonitor::addEpoch(const cryo::EpochSummary& summary)
{
    m_curve->addEpoch(summary.record);
    if (m_latentView == m_preview)
        m_preview->setLatents(summary.zMu, summary.zdim, summary.record.epoch);
    m_epoch->setText(tr("%1 / %2").arg(summary.record.epoch).arg(m_epochs));
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
    view->show();
    m_latentView = view;
}

void TrainingMonitor::setRunning(bool running, bool resumable)
{
    m_cancel->setEnabled(running);
    m_resume->setEnabled(!running && resumable);
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
int TrainingMonitor::progressPermille() const { return m_progress->value(); }
bool TrainingMonitor::canCancel() const { return m_cancel->isEnabled(); }
bool TrainingMonitor::canResume() const { return m_resume->isEnabled(); }
